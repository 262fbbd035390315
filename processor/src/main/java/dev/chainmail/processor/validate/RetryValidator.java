package dev.chainmail.processor.validate;

import dev.chainmail.processor.scan.AnnotationReader;
import dev.chainmail.processor.scan.AppliedAnnotation;
import dev.chainmail.processor.scan.ChainMembers;
import dev.chainmail.processor.scan.GuardAnnotation;
import dev.chainmail.processor.scan.GuardedElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks the attributes of one {@code @Retry}: its numbers and durations, its budget and the name that shares it,
 * and the methods its {@code retryOnResult} and {@code delayFrom} name, against every method it guards.
 */
public final class RetryValidator implements GuardValidator {

  private final AttributeChecks checks;
  private final AnnotationReader annotations;
  private final Types types;
  private final ChainMethodResolver resolver;
  private final CheckedExceptions checked;
  private final SharedNames sharedNames;

  public RetryValidator(AttributeChecks checks, Elements elements, Types types, ChainMethodResolver resolver,
      SharedNames sharedNames) {
    this.checks = checks;
    this.annotations = checks.annotations();
    this.types = types;
    this.resolver = resolver;
    this.checked = new CheckedExceptions(elements, types);
    this.sharedNames = sharedNames;
  }

  @Override
  public void validate(ChainMembers members, Element element, AnnotationMirror retry, ValidationReport report) {
    int maxAttempts = annotations.intValue(retry, "maxAttempts");
    if (maxAttempts < 1) {
      report.error(element, retry, "maxAttempts", Message.RETRY_MAX_ATTEMPTS, maxAttempts);
    }
    double multiplier = annotations.doubleValue(retry, "multiplier");
    if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
      report.error(element, retry, "multiplier", Message.RETRY_MULTIPLIER, multiplier);
    }
    double jitter = annotations.doubleValue(retry, "jitter");
    if (!(jitter >= 0.0 && jitter <= 1.0)) {
      report.error(element, retry, "jitter", Message.RETRY_JITTER, jitter);
    }
    OptionalLong delay = checks.duration(element, retry, "delay", false, report);
    OptionalLong maxDelay = checks.duration(element, retry, "maxDelay", true, report);
    if (delay.isPresent() && maxDelay.isPresent() && maxDelay.getAsLong() < delay.getAsLong()) {
      report.error(element, retry, "maxDelay", Message.RETRY_MAX_DELAY,
          annotations.stringValue(retry, "maxDelay"), annotations.stringValue(retry, "delay"));
    }
    OptionalLong maxDuration = checks.duration(element, retry, "maxDuration", true, report);
    if (maxDuration.isPresent() && maxDuration.getAsLong() == 0) {
      report.error(element, retry, "maxDuration", Message.RETRY_MAX_DURATION_ZERO,
          annotations.stringValue(retry, "maxDuration"));
    }
    checks.notEmpty(element, retry, "retryOn", Message.RETRY_ON_EMPTY, report);
    checks.notExcluded(element, retry, "retryOn", "abortOn", Message.RETRY_ON_ABORTED, report);
    validateBudget(element, retry, report);
    String resultTest = annotations.stringValue(retry, "retryOnResult");
    if (!resultTest.isEmpty()) {
      for (ExecutableElement guarded : guardedBy(members, element)) {
        validateResultTest(members.type(), element, guarded, retry, resultTest, report);
      }
    }
    String delayFrom = annotations.stringValue(retry, "delayFrom");
    if (!delayFrom.isEmpty()) {
      validateDelayFrom(members.type(), element, retry, delayFrom, report);
    }
  }

  private void validateBudget(Element element, AnnotationMirror retry, ValidationReport report) {
    double budget = annotations.doubleValue(retry, "budget");
    String name = annotations.stringValue(retry, "name");
    if (!(budget >= 0)) {
      report.error(element, retry, "budget", Message.RETRY_BUDGET, budget);
    } else if (!name.isEmpty() && Double.isInfinite(budget)) {
      report.error(element, retry, "name", Message.RETRY_NAME_WITHOUT_BUDGET, name);
    } else {
      sharedNames.register(GuardAnnotation.RETRY, name, "budget=" + budget, element, retry, report);
    }
  }

  /** The methods a {@code @Retry} written on {@code element} guards: the method, or those the type's covers. */
  private static List<ExecutableElement> guardedBy(ChainMembers members, Element element) {
    if (element instanceof ExecutableElement) {
      return List.of((ExecutableElement) element);
    }
    List<ExecutableElement> covered = new ArrayList<>();
    for (GuardedElement guarded : members.guarded()) {
      AppliedAnnotation applied = guarded.annotations().get(GuardAnnotation.RETRY);
      if (applied != null && applied.fromType()) {
        covered.add(guarded.method());
      }
    }
    return covered;
  }

  private void validateResultTest(TypeElement chain, Element element, ExecutableElement guarded,
      AnnotationMirror retry, String name, ValidationReport report) {
    TypeMirror result = resolver.resultType(chain, guarded);
    if (result.getKind() == TypeKind.VOID) {
      report.error(element, retry, "retryOnResult", Message.RETRY_ON_RESULT_VOID, name, Describe.method(guarded));
      return;
    }
    ChainMethodResolver.Resolution resolution = resolver.resultTest(chain, guarded, name);
    String resultType = Describe.type(result);
    if (resolution.named().isEmpty()) {
      report.error(element, retry, "retryOnResult", Message.RETRY_ON_RESULT_MISSING, name, chain.getSimpleName(),
          name, resultType);
      return;
    }
    if (resolution.fitting().isEmpty()) {
      ExecutableElement first = resolution.named().get(0);
      report.error(element, retry, "retryOnResult", Message.RETRY_ON_RESULT_SIGNATURE, name, resultType,
          Describe.method(guarded), Describe.method(first), Describe.type(first.getReturnType()), name, resultType);
      return;
    }
    Optional<ExecutableElement> target = checkOne(chain, element, retry, "retryOnResult", name, resolution, report);
    if (target.isPresent() && target.get().equals(guarded)) {
      report.error(element, retry, "retryOnResult", Message.RETRY_METHOD_SELF, name);
    }
  }

  private void validateDelayFrom(TypeElement chain, Element element, AnnotationMirror retry, String name,
      ValidationReport report) {
    ChainMethodResolver.Resolution resolution = resolver.failureDelay(chain, name);
    if (resolution.named().isEmpty()) {
      report.error(element, retry, "delayFrom", Message.RETRY_DELAY_FROM_MISSING, name, chain.getSimpleName(), name);
      return;
    }
    if (resolution.fitting().isEmpty()) {
      ExecutableElement first = resolution.named().get(0);
      report.error(element, retry, "delayFrom", Message.RETRY_DELAY_FROM_SIGNATURE, name, Describe.method(first),
          Describe.type(first.getReturnType()), name);
      return;
    }
    checkOne(chain, element, retry, "delayFrom", name, resolution, report);
  }

  /** Checks that one method fits, and that the proxy can call it; returns it if so. */
  private Optional<ExecutableElement> checkOne(TypeElement chain, Element element, AnnotationMirror retry,
      String attribute, String name, ChainMethodResolver.Resolution resolution, ValidationReport report) {
    if (resolution.fitting().size() > 1) {
      List<String> all = new ArrayList<>();
      for (ExecutableElement method : resolution.fitting()) {
        all.add(Describe.method(method));
      }
      report.error(element, retry, attribute, Message.RETRY_METHOD_AMBIGUOUS, attribute, name, chain.getSimpleName(),
          String.join(" and ", all));
      return Optional.empty();
    }
    ExecutableElement target = resolution.fitting().get(0);
    if (target.getModifiers().contains(Modifier.PRIVATE)) {
      report.error(element, retry, attribute, Message.RETRY_METHOD_PRIVATE, attribute, Describe.method(target));
      return Optional.empty();
    }
    for (TypeMirror thrown : target.getThrownTypes()) {
      if (checked.isChecked(thrown)) {
        report.error(element, retry, attribute, Message.RETRY_METHOD_THROWS, attribute, Describe.method(target),
            Describe.type(thrown));
        return Optional.empty();
      }
    }
    return Optional.of(target);
  }
}
