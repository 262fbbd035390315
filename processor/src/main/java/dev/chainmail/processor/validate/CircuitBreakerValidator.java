package dev.chainmail.processor.validate;

import dev.chainmail.processor.scan.AnnotationReader;
import dev.chainmail.processor.scan.ChainMembers;
import dev.chainmail.processor.scan.GuardAnnotation;
import dev.chainmail.processor.scan.GuardedElement;
import java.util.OptionalLong;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.util.ElementFilter;

/** Checks the attributes of one {@code @CircuitBreaker}, and that breakers sharing its name agree with it. */
public final class CircuitBreakerValidator implements GuardValidator {

  /** The accessor the proxy of a chain with breakers adds; see {@code CircuitBreakerEmitter}. */
  private static final String ACCESSOR = "circuitBreaker";

  private final AttributeChecks checks;
  private final AnnotationReader annotations;
  private final SharedNames sharedNames;

  public CircuitBreakerValidator(AttributeChecks checks, SharedNames sharedNames) {
    this.checks = checks;
    this.annotations = checks.annotations();
    this.sharedNames = sharedNames;
  }

  @Override
  public void validate(ChainMembers members, Element element, AnnotationMirror breaker, ValidationReport report) {
    checkAccessorIsFree(members, element, report);
    int volume = annotations.intValue(breaker, "requestVolumeThreshold");
    if (volume < 1) {
      report.error(element, breaker, "requestVolumeThreshold", Message.CIRCUIT_BREAKER_VOLUME, volume);
    }
    double failureRatio = annotations.doubleValue(breaker, "failureRatio");
    if (!(failureRatio > 0.0 && failureRatio <= 1.0)) {
      report.error(element, breaker, "failureRatio", Message.CIRCUIT_BREAKER_FAILURE_RATIO, failureRatio);
    }
    OptionalLong delay = checks.duration(element, breaker, "delay", false, report);
    int successThreshold = annotations.intValue(breaker, "successThreshold");
    if (successThreshold < 1) {
      report.error(element, breaker, "successThreshold", Message.CIRCUIT_BREAKER_SUCCESS_THRESHOLD,
          successThreshold);
    }
    String windowType = annotations.value(breaker, "windowType").getValue().toString();
    int minimumCalls = annotations.intValue(breaker, "minimumCalls");
    if (minimumCalls < 1) {
      report.error(element, breaker, "minimumCalls", Message.CIRCUIT_BREAKER_MINIMUM_CALLS, minimumCalls);
    } else if (windowType.equals("COUNT") && annotations.written(breaker, "minimumCalls").isPresent()) {
      report.error(element, breaker, "minimumCalls", Message.CIRCUIT_BREAKER_MINIMUM_CALLS_COUNT);
    }
    OptionalLong slowCallThreshold = checks.duration(element, breaker, "slowCallThreshold", true, report);
    if (slowCallThreshold.isPresent() && slowCallThreshold.getAsLong() == 0) {
      report.error(element, breaker, "slowCallThreshold", Message.CIRCUIT_BREAKER_SLOW_THRESHOLD_ZERO,
          annotations.stringValue(breaker, "slowCallThreshold"));
    }
    double slowCallRatio = annotations.doubleValue(breaker, "slowCallRatio");
    if (!(slowCallRatio > 0.0 && slowCallRatio <= 1.0)) {
      report.error(element, breaker, "slowCallRatio", Message.CIRCUIT_BREAKER_SLOW_RATIO, slowCallRatio);
    } else if (annotations.stringValue(breaker, "slowCallThreshold").isEmpty()
        && annotations.written(breaker, "slowCallRatio").isPresent()) {
      report.error(element, breaker, "slowCallRatio", Message.CIRCUIT_BREAKER_SLOW_RATIO_WITHOUT_THRESHOLD);
    }
    checks.notEmpty(element, breaker, "failOn", Message.CIRCUIT_BREAKER_FAIL_ON_EMPTY, report);
    checks.notExcluded(element, breaker, "failOn", "skipOn", Message.CIRCUIT_BREAKER_FAIL_ON_SKIPPED, report);
    if (report.isClean()) {
      String configuration = "requestVolumeThreshold=" + volume + ", failureRatio=" + failureRatio
          + ", delay=" + AttributeChecks.canonical(delay) + ", successThreshold=" + successThreshold
          + ", windowType=" + windowType
          + (windowType.equals("TIME") ? ", minimumCalls=" + minimumCalls : "")
          + (slowCallThreshold.isPresent() ? ", slowCallThreshold=" + AttributeChecks.canonical(slowCallThreshold)
              + ", slowCallRatio=" + slowCallRatio : "");
      sharedNames.register(GuardAnnotation.CIRCUIT_BREAKER, annotations.stringValue(breaker, "name"), configuration,
          element, breaker, report);
    }
  }

  /**
   * Reports a method of the chain type that the proxy's {@code circuitBreaker(String)} accessor would override or
   * clash with: once per type, when validating its first breaker.
   */
  private static void checkAccessorIsFree(ChainMembers members, Element element, ValidationReport report) {
    boolean first = members.typeAnnotations().containsKey(GuardAnnotation.CIRCUIT_BREAKER)
        ? element.equals(members.type())
        : isFirstBreaker(members, element);
    if (!first) {
      return;
    }
    for (ExecutableElement method : ElementFilter.methodsIn(members.type().getEnclosedElements())) {
      if (method.getSimpleName().contentEquals(ACCESSOR) && method.getParameters().size() == 1
          && method.getParameters().get(0).asType().toString().equals("java.lang.String")) {
        report.error(method, Message.CIRCUIT_BREAKER_ACCESSOR_CLASH, members.type().getQualifiedName());
      }
    }
  }

  private static boolean isFirstBreaker(ChainMembers members, Element element) {
    for (GuardedElement guarded : members.guarded()) {
      if (guarded.annotation(GuardAnnotation.CIRCUIT_BREAKER).isPresent()) {
        return guarded.method().equals(element);
      }
    }
    return false;
  }
}
