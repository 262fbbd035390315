package dev.chainmail.processor.validate;

import dev.chainmail.processor.scan.AnnotationReader;
import dev.chainmail.processor.scan.ChainMembers;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Checks one {@code @Fallback}, which goes on methods only: its exception lists, and the method it names. */
public final class FallbackValidator implements GuardValidator {

  private final AttributeChecks checks;
  private final AnnotationReader annotations;
  private final Types types;
  private final FallbackResolver resolver;
  private final CheckedExceptions checked;

  public FallbackValidator(AttributeChecks checks, Elements elements, Types types, FallbackResolver resolver) {
    this.checks = checks;
    this.annotations = checks.annotations();
    this.types = types;
    this.resolver = resolver;
    this.checked = new CheckedExceptions(elements, types);
  }

  @Override
  public void validate(ChainMembers members, Element element, AnnotationMirror fallback, ValidationReport report) {
    TypeElement chain = members.type();
    ExecutableElement guarded = (ExecutableElement) element;
    List<TypeMirror> applyOn = annotations.typesValue(fallback, "applyOn");
    checks.notEmpty(guarded, fallback, "applyOn", Message.FALLBACK_APPLY_ON_EMPTY, report);
    checks.notExcluded(guarded, fallback, "applyOn", "skipOn", Message.FALLBACK_APPLY_ON_SKIPPED, report);
    Optional<ExecutableElement> target = resolve(chain, guarded, fallback, report);
    if (target.isPresent()) {
      checkTarget(chain, guarded, fallback, target.get(), applyOn, report);
    }
  }

  private Optional<ExecutableElement> resolve(TypeElement chain, ExecutableElement guarded,
      AnnotationMirror fallback, ValidationReport report) {
    String name = annotations.stringValue(fallback, "method");
    String wanted = Describe.parameters(guarded);
    if (name.isEmpty()) {
      report.error(guarded, fallback, "method", Message.FALLBACK_NAME_EMPTY, chain.getSimpleName(), "(" + wanted + ")");
      return Optional.empty();
    }
    FallbackResolver.Resolution resolution = resolver.resolve(chain, guarded, name);
    if (resolution.named().isEmpty()) {
      report.error(guarded, fallback, "method", Message.FALLBACK_MISSING, name, chain.getSimpleName(),
          Describe.type(guarded.getReturnType()), name, wanted);
      return Optional.empty();
    }
    if (resolution.plain().isPresent() && resolution.withFailure().isPresent()) {
      report.error(guarded, fallback, "method", Message.FALLBACK_AMBIGUOUS, name, chain.getSimpleName(),
          Describe.method(resolution.plain().get()), Describe.method(resolution.withFailure().get()));
      return Optional.empty();
    }
    Optional<ExecutableElement> target = resolution.target();
    if (target.isEmpty()) {
      report.error(guarded, fallback, "method", Message.FALLBACK_PARAMETERS, name,
          Describe.parameters(resolution.named().get(0)), Describe.method(guarded), wanted);
      return Optional.empty();
    }
    if (target.get().equals(guarded)) {
      report.error(guarded, fallback, "method", Message.FALLBACK_SELF, name);
      return Optional.empty();
    }
    return target;
  }

  private void checkTarget(TypeElement chain, ExecutableElement guarded, AnnotationMirror fallback,
      ExecutableElement target, List<TypeMirror> applyOn, ValidationReport report) {
    String targetName = Describe.method(target);
    if (target.getModifiers().contains(Modifier.PRIVATE)) {
      report.error(guarded, fallback, "method", Message.FALLBACK_PRIVATE, targetName);
      return;
    }
    DeclaredType site = (DeclaredType) chain.asType();
    ExecutableType guardedType = (ExecutableType) types.asMemberOf(site, guarded);
    ExecutableType targetType = (ExecutableType) types.asMemberOf(site, target);
    checkReturnType(guarded, fallback, target, guardedType.getReturnType(), targetType.getReturnType(), report);
    for (TypeMirror thrown : targetType.getThrownTypes()) {
      if (checked.isChecked(thrown) && !declares(guardedType.getThrownTypes(), thrown)) {
        report.error(guarded, fallback, "method", Message.FALLBACK_THROWS, targetName, Describe.type(thrown),
            Describe.method(guarded), Describe.method(guarded));
      }
    }
    if (target.getParameters().size() > guarded.getParameters().size()) {
      TypeMirror failureType = resolver.failureType(chain, target);
      for (TypeMirror applied : applyOn) {
        if (!types.isAssignable(applied, failureType)) {
          report.error(guarded, fallback, "applyOn", Message.FALLBACK_FAILURE_TYPE, targetName,
              Describe.type(failureType), Describe.type(applied));
        }
      }
    }
  }

  private void checkReturnType(ExecutableElement guarded, AnnotationMirror fallback, ExecutableElement target,
      TypeMirror guardedReturn, TypeMirror targetReturn, ValidationReport report) {
    boolean generic = !guarded.getTypeParameters().isEmpty() || !target.getTypeParameters().isEmpty();
    if (guardedReturn.getKind() == TypeKind.VOID) {
      if (targetReturn.getKind() != TypeKind.VOID) {
        report.error(guarded, fallback, "method", Message.FALLBACK_RETURN_VOID, Describe.method(target),
            Describe.type(targetReturn), Describe.method(guarded));
      }
      return;
    }
    TypeMirror from = generic ? types.erasure(targetReturn) : targetReturn;
    TypeMirror to = generic ? types.erasure(guardedReturn) : guardedReturn;
    if (targetReturn.getKind() == TypeKind.VOID || !types.isAssignable(from, to)) {
      report.error(guarded, fallback, "method", Message.FALLBACK_RETURN_TYPE, Describe.method(target),
          Describe.type(targetReturn), Describe.type(guardedReturn), Describe.method(guarded));
    }
  }

  private boolean declares(List<? extends TypeMirror> declared, TypeMirror thrown) {
    for (TypeMirror type : declared) {
      if (types.isSubtype(thrown, type)) {
        return true;
      }
    }
    return false;
  }

}
