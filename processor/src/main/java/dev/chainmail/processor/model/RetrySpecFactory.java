package dev.chainmail.processor.model;

import dev.chainmail.processor.scan.AnnotationReader;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;

/** Builds the {@link RetrySpec} of a validated {@code @Retry}. */
public final class RetrySpecFactory implements GuardSpecFactory {

  private final SpecReader reader;
  private final AnnotationReader annotations;

  public RetrySpecFactory(SpecReader reader) {
    this.reader = reader;
    this.annotations = reader.annotations();
  }

  @Override
  public RetrySpec create(ChainScope scope, ExecutableElement method, AnnotationMirror retry) {
    return new RetrySpec(
        annotations.intValue(retry, "maxAttempts"),
        reader.nonDefault(retry, "delay", "0ms"),
        annotations.doubleValue(retry, "multiplier"),
        reader.nonDefault(retry, "maxDelay", ""),
        annotations.doubleValue(retry, "jitter"),
        reader.nonDefault(retry, "maxDuration", ""),
        reader.classes(retry, "retryOn", true),
        reader.classes(retry, "abortOn", false));
  }
}
