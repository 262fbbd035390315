package dev.chainmail.processor.validate;

import dev.chainmail.processor.scan.AnnotationReader;
import dev.chainmail.processor.scan.ChainMembers;
import java.util.OptionalLong;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/** Checks the attributes of one {@code @Retry}. */
public final class RetryValidator implements GuardValidator {

  private final AttributeChecks checks;
  private final AnnotationReader annotations;

  public RetryValidator(AttributeChecks checks) {
    this.checks = checks;
    this.annotations = checks.annotations();
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
  }
}
