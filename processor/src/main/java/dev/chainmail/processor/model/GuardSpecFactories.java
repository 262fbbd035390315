package dev.chainmail.processor.model;

import dev.chainmail.processor.scan.AnnotationReader;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;

/**
 * The spec factories of the guards whose specs are their attributes as written, with nothing to resolve:
 * {@code @CircuitBreaker}, {@code @Timeout}, {@code @Bulkhead} and {@code @RateLimit}.
 */
public final class GuardSpecFactories {

  private GuardSpecFactories() {}

  /** Builds {@link CircuitBreakerSpec}s. */
  public static GuardSpecFactory circuitBreaker(SpecReader reader) {
    AnnotationReader annotations = reader.annotations();
    return (ChainScope scope, ExecutableElement method, AnnotationMirror breaker) -> new CircuitBreakerSpec(
        annotations.intValue(breaker, "requestVolumeThreshold"),
        annotations.doubleValue(breaker, "failureRatio"),
        reader.nonDefault(breaker, "delay", "5s"),
        annotations.intValue(breaker, "successThreshold"),
        annotations.value(breaker, "windowType").getValue().toString().equals("TIME"),
        annotations.intValue(breaker, "minimumCalls"),
        reader.nonDefault(breaker, "slowCallThreshold", ""),
        annotations.doubleValue(breaker, "slowCallRatio"),
        reader.classes(breaker, "failOn", true),
        reader.classes(breaker, "skipOn", false),
        annotations.stringValue(breaker, "name"));
  }

  /** Builds {@link TimeoutSpec}s. */
  public static GuardSpecFactory timeout(SpecReader reader) {
    return (ChainScope scope, ExecutableElement method, AnnotationMirror timeout) ->
        new TimeoutSpec(reader.nonDefault(timeout, "value", "1s"));
  }

  /** Builds {@link BulkheadSpec}s. */
  public static GuardSpecFactory bulkhead(SpecReader reader) {
    AnnotationReader annotations = reader.annotations();
    return (ChainScope scope, ExecutableElement method, AnnotationMirror bulkhead) -> new BulkheadSpec(
        annotations.intValue(bulkhead, "value"),
        reader.nonDefault(bulkhead, "maxWait", "0ms"),
        annotations.stringValue(bulkhead, "name"));
  }

  /** Builds {@link RateLimitSpec}s. */
  public static GuardSpecFactory rateLimit(SpecReader reader) {
    AnnotationReader annotations = reader.annotations();
    return (ChainScope scope, ExecutableElement method, AnnotationMirror limit) -> new RateLimitSpec(
        annotations.intValue(limit, "value"),
        reader.nonDefault(limit, "window", "1s"),
        reader.nonDefault(limit, "maxWait", "0ms"),
        annotations.stringValue(limit, "name"));
  }
}
