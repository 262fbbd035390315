package dev.chainmail.processor.validate;

import dev.chainmail.processor.scan.AnnotationReader;
import dev.chainmail.processor.scan.ChainMembers;
import dev.chainmail.processor.scan.GuardAnnotation;
import dev.chainmail.processor.scan.GuardedElement;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;

/**
 * Checks a run's entry, a method with a {@code @RunId} parameter: one run id, a {@code String}, values that can be
 * encoded, and no method of the chain in the way of the proxy's {@code resume(String)}.
 */
public final class RunIdValidator implements GuardValidator {

  private static final String STRING = "java.lang.String";

  private final AnnotationReader annotations;
  private final DurableTypes durableTypes;

  public RunIdValidator(AnnotationReader annotations, DurableTypes durableTypes) {
    this.annotations = annotations;
    this.durableTypes = durableTypes;
  }

  @Override
  public void validate(ChainMembers members, Element element, AnnotationMirror runId, ValidationReport report) {
    ExecutableElement method = (ExecutableElement) element;
    VariableElement first = null;
    for (VariableElement parameter : method.getParameters()) {
      Optional<AnnotationMirror> found = annotations.find(parameter, "dev.chainmail.RunId");
      if (found.isEmpty()) {
        continue;
      }
      if (first != null) {
        report.error(parameter, found.get(), Message.RUN_ID_TWICE, first.getSimpleName(), parameter.getSimpleName(),
            Describe.method(method));
        continue;
      }
      first = parameter;
      if (!parameter.asType().toString().equals(STRING)) {
        report.error(parameter, found.get(), Message.RUN_ID_TYPE, parameter.getSimpleName(),
            Describe.type(parameter.asType()));
      }
    }
    durableTypes.check(members, method, runId, true, Optional.ofNullable(first), report);
    for (GuardedElement other : members.guarded()) {
      if (other.method().equals(method)) {
        break;
      }
      if (other.annotation(GuardAnnotation.RUN_ID).isPresent()
          && other.method().getSimpleName().equals(method.getSimpleName())) {
        report.error(method, Message.RUN_ID_OVERLOADED, Describe.method(method), method.getSimpleName());
      }
    }
    if (isFirstEntry(members, method)) {
      for (ExecutableElement declared : ElementFilter.methodsIn(members.type().getEnclosedElements())) {
        if (declared.getSimpleName().contentEquals("resume") && declared.getParameters().size() == 1
            && declared.getParameters().get(0).asType().toString().equals(STRING)) {
          report.error(declared, Message.RUN_ID_RESUME_CLASH, members.type().getQualifiedName());
        }
      }
    }
  }

  private static boolean isFirstEntry(ChainMembers members, ExecutableElement method) {
    for (GuardedElement guarded : members.guarded()) {
      if (guarded.annotation(GuardAnnotation.RUN_ID).isPresent()) {
        return guarded.method().equals(method);
      }
    }
    return false;
  }
}
