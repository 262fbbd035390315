package dev.chainmail.processor.validate;

import dev.chainmail.processor.scan.AppliedAnnotation;
import dev.chainmail.processor.scan.ChainMembers;
import dev.chainmail.processor.scan.GuardAnnotation;
import dev.chainmail.processor.scan.GuardedElement;
import dev.chainmail.processor.scan.StageTypes;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Checks that a proxy can be generated for a chain type, and that every annotation on it is valid. Reports every
 * error it finds; the type is fit for generation only if the report stays clean.
 */
public final class ChainValidator {

  private static final String CONTEXT = "dev.chainmail.runtime.ChainmailContext";

  private final Elements elements;
  private final Map<GuardAnnotation, GuardValidator> validators;

  /**
   * @param elements javac's element utilities
   * @param validators the validator of each guard annotation; every {@link GuardAnnotation} must have one
   */
  public ChainValidator(Elements elements, Map<GuardAnnotation, GuardValidator> validators) {
    this.elements = elements;
    this.validators = Map.copyOf(validators);
    for (GuardAnnotation annotation : GuardAnnotation.values()) {
      if (!this.validators.containsKey(annotation)) {
        throw new IllegalArgumentException("no validator for @" + annotation.simpleName());
      }
    }
  }

  public void validate(ChainMembers members, ValidationReport report) {
    TypeElement type = members.type();
    if (!validateTypeKind(type, report)) {
      return;
    }
    if (!members.isInterface()) {
      validateClass(members, report);
    }
    for (Map.Entry<GuardAnnotation, AnnotationMirror> annotation : members.typeAnnotations().entrySet()) {
      validators.get(annotation.getKey()).validate(members, type, annotation.getValue(), report);
    }
    for (GuardedElement guarded : members.guarded()) {
      validateMethod(members, guarded, report);
    }
  }

  /** Checks what kind of type this is; returns false if no further check makes sense. */
  private boolean validateTypeKind(TypeElement type, ValidationReport report) {
    String name = type.getQualifiedName().toString();
    if (type.getKind() == ElementKind.ENUM) {
      report.error(type, Message.TYPE_ENUM, name);
      return false;
    }
    if (type.getKind() == ElementKind.RECORD) {
      report.error(type, Message.TYPE_RECORD, name);
      return false;
    }
    if (type.getKind() == ElementKind.ANNOTATION_TYPE) {
      report.error(type, Message.TYPE_ANNOTATION, name);
      return false;
    }
    boolean fine = true;
    if (type.getNestingKind() == NestingKind.MEMBER && type.getKind() == ElementKind.CLASS
        && !type.getModifiers().contains(Modifier.STATIC)) {
      report.error(type, Message.TYPE_INNER, name);
      fine = false;
    }
    for (Element enclosing = type; enclosing instanceof TypeElement; enclosing = enclosing.getEnclosingElement()) {
      if (enclosing.getModifiers().contains(Modifier.PRIVATE)) {
        report.error(type, Message.TYPE_PRIVATE, name, elements.getPackageOf(type).getQualifiedName());
        fine = false;
        break;
      }
    }
    return fine;
  }

  private void validateClass(ChainMembers members, ValidationReport report) {
    TypeElement type = members.type();
    String name = type.getQualifiedName().toString();
    if (type.getModifiers().contains(Modifier.FINAL)) {
      report.error(type, Message.TYPE_FINAL, name);
    }
    if (members.constructors().isEmpty()) {
      report.error(type, Message.TYPE_NO_CONSTRUCTOR, name);
    }
    for (ExecutableElement constructor : members.constructors()) {
      List<? extends VariableElement> parameters = constructor.getParameters();
      if (!parameters.isEmpty() && parameters.get(0).asType().toString().equals(CONTEXT)) {
        report.error(constructor, Message.TYPE_CONTEXT_CONSTRUCTOR,
            type.getSimpleName() + "(" + Describe.parameters(constructor) + ")");
      }
    }
    if (type.getModifiers().contains(Modifier.ABSTRACT)) {
      List<ExecutableElement> methods = ElementFilter.methodsIn(elements.getAllMembers(type));
      for (ExecutableElement method : methods) {
        if (method.getModifiers().contains(Modifier.ABSTRACT) && !implemented(type, method, methods)) {
          report.error(type, Message.TYPE_ABSTRACT_METHOD, name, Describe.method(method));
        }
      }
    }
  }

  /** The guards an asynchronous method cannot have, each with the message that says why and what to do. */
  private static final Map<GuardAnnotation, Message> NOT_ASYNC = Map.of(
      GuardAnnotation.CHECKPOINT, Message.ASYNC_CHECKPOINT,
      GuardAnnotation.RUN_ID, Message.ASYNC_RUN_ID);

  /**
   * Checks that an asynchronous method has only the guards that can act on its stage; returns those it cannot
   * have, whose own checks would only add noise.
   */
  private Set<GuardAnnotation> validateAsync(GuardedElement guarded, ValidationReport report) {
    ExecutableElement method = guarded.method();
    if (!StageTypes.isStage(method.getReturnType(), elements)) {
      return Set.of();
    }
    Set<GuardAnnotation> rejected = EnumSet.noneOf(GuardAnnotation.class);
    for (GuardAnnotation annotation : GuardAnnotation.values()) {
      Message message = NOT_ASYNC.get(annotation);
      if (message != null && guarded.annotations().containsKey(annotation)) {
        rejected.add(annotation);
        report.error(method, guarded.annotations().get(annotation).mirror(), message, Describe.method(method),
            Describe.type(method.getReturnType()));
      }
    }
    return rejected;
  }

  private boolean implemented(TypeElement type, ExecutableElement method, List<ExecutableElement> methods) {
    for (ExecutableElement other : methods) {
      if (!other.getModifiers().contains(Modifier.ABSTRACT) && elements.overrides(other, method, type)) {
        return true;
      }
    }
    return false;
  }

  private void validateMethod(ChainMembers members, GuardedElement guarded, ValidationReport report) {
    ExecutableElement method = guarded.method();
    Set<GuardAnnotation> rejected = validateAsync(guarded, report);
    Optional<AnnotationMirror> direct = guarded.firstDirect();
    if (direct.isEmpty()) {
      return;
    }
    AnnotationMirror annotation = direct.get();
    String annotationName = annotation.getAnnotationType().asElement().getSimpleName().toString();
    String methodName = Describe.method(method);
    if (method.getModifiers().contains(Modifier.PRIVATE)) {
      report.error(method, annotation, Message.METHOD_PRIVATE, annotationName, methodName);
      return;
    }
    if (method.getModifiers().contains(Modifier.STATIC)) {
      report.error(method, annotation, Message.METHOD_STATIC, annotationName, methodName);
      return;
    }
    if (method.getModifiers().contains(Modifier.FINAL)) {
      report.error(method, annotation, Message.METHOD_FINAL, annotationName, methodName);
      return;
    }
    if (!members.isInterface() && method.getModifiers().contains(Modifier.ABSTRACT)) {
      report.error(method, annotation, Message.METHOD_ABSTRACT, annotationName, methodName);
      return;
    }
    for (Map.Entry<GuardAnnotation, AppliedAnnotation> applied : guarded.annotations().entrySet()) {
      if (!applied.getValue().fromType() && !rejected.contains(applied.getKey())) {
        validators.get(applied.getKey()).validate(members, method, applied.getValue().mirror(), report);
      }
    }
  }
}
