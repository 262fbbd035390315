package dev.chainmail.processor.validate;

import dev.chainmail.processor.scan.AnnotationReader;
import dev.chainmail.processor.scan.ChainMembers;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;

/** Checks a {@code @StepKey}: on a step, once, and of a type whose text names an occurrence. */
public final class StepKeyValidator implements GuardValidator {

  private static final Set<String> KEY_TYPES = Set.of("java.lang.String", "int", "long");

  private final AnnotationReader annotations;

  public StepKeyValidator(AnnotationReader annotations) {
    this.annotations = annotations;
  }

  @Override
  public void validate(ChainMembers members, Element element, AnnotationMirror stepKey, ValidationReport report) {
    ExecutableElement method = (ExecutableElement) element;
    boolean step = annotations.find(method, "dev.chainmail.Checkpoint").isPresent();
    VariableElement first = null;
    for (VariableElement parameter : method.getParameters()) {
      Optional<AnnotationMirror> found = annotations.find(parameter, "dev.chainmail.StepKey");
      if (found.isEmpty()) {
        continue;
      }
      if (!step) {
        report.error(parameter, found.get(), Message.STEP_KEY_WITHOUT_CHECKPOINT, parameter.getSimpleName(),
            Describe.method(method), Describe.method(method));
        return;
      }
      if (first != null) {
        report.error(parameter, found.get(), Message.STEP_KEY_TWICE, first.getSimpleName(), parameter.getSimpleName(),
            Describe.method(method));
        continue;
      }
      first = parameter;
      if (!KEY_TYPES.contains(parameter.asType().toString())) {
        report.error(parameter, found.get(), Message.STEP_KEY_TYPE, parameter.getSimpleName(),
            Describe.type(parameter.asType()));
      }
    }
  }
}
