package dev.chainmail.processor.validate;

import dev.chainmail.processor.scan.AnnotationReader;
import dev.chainmail.runtime.Durations;
import java.util.List;
import java.util.OptionalLong;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/** Checks the attributes of one {@code @Retry}. */
public final class RetryValidator {

  private final AnnotationReader annotations;
  private final Types types;

  public RetryValidator(AnnotationReader annotations, Types types) {
    this.annotations = annotations;
    this.types = types;
  }

  public void validate(Element element, AnnotationMirror retry, ValidationReport report) {
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
    OptionalLong delay = duration(element, retry, "delay", report);
    OptionalLong maxDelay = duration(element, retry, "maxDelay", report);
    if (delay.isPresent() && maxDelay.isPresent() && maxDelay.getAsLong() < delay.getAsLong()) {
      report.error(element, retry, "maxDelay", Message.RETRY_MAX_DELAY,
          annotations.stringValue(retry, "maxDelay"), annotations.stringValue(retry, "delay"));
    }
    OptionalLong maxDuration = duration(element, retry, "maxDuration", report);
    if (maxDuration.isPresent() && maxDuration.getAsLong() == 0) {
      report.error(element, retry, "maxDuration", Message.RETRY_MAX_DURATION_ZERO,
          annotations.stringValue(retry, "maxDuration"));
    }
    List<TypeMirror> retryOn = annotations.typesValue(retry, "retryOn");
    if (retryOn.isEmpty()) {
      report.error(element, retry, "retryOn", Message.RETRY_ON_EMPTY);
    }
    for (TypeMirror retried : retryOn) {
      for (TypeMirror aborted : annotations.typesValue(retry, "abortOn")) {
        if (types.isSubtype(retried, aborted)) {
          report.error(element, retry, "retryOn", Message.RETRY_ON_ABORTED,
              Describe.type(retried), Describe.type(aborted), Describe.type(retried));
        }
      }
    }
  }

  /**
   * Parses a duration attribute, reporting it if it does not parse. An empty string, which means "none" for the
   * optional limits, gives an empty result; so does one that does not parse.
   */
  OptionalLong duration(Element element, AnnotationMirror annotation, String attribute, ValidationReport report) {
    String text = annotations.stringValue(annotation, attribute);
    if (text.isEmpty() && !attribute.equals("delay")) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Durations.parseNanos(text));
    } catch (IllegalArgumentException e) {
      report.error(element, annotation, attribute, Message.DURATION, "Retry", attribute, e.getMessage());
      return OptionalLong.empty();
    }
  }
}
