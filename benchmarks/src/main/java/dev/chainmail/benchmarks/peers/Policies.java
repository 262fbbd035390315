package dev.chainmail.benchmarks.peers;

import dev.failsafe.RetryPolicy;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.smallrye.faulttolerance.api.TypedGuard;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.springframework.retry.support.RetryTemplate;

/**
 * The one retry policy every implementation is configured with, written in each peer library's own API: three
 * attempts in all, no pause between them, every {@link Exception} retried. The Chainmail chains say the same with
 * {@code @Retry(maxAttempts = 3)}. This class is thread-safe.
 */
public final class Policies {

  /** Total attempts, the first included. */
  public static final int MAX_ATTEMPTS = 3;

  private Policies() {}

  /**
   * @param name the retry's name, as Resilience4j registries key it
   * @return a Resilience4j retry: 3 attempts, zero wait
   */
  public static Retry resilience4j(String name) {
    RetryConfig config = RetryConfig.custom()
        .maxAttempts(MAX_ATTEMPTS)
        .waitDuration(Duration.ZERO)
        .retryExceptions(Exception.class)
        .build();
    return Retry.of(name, config);
  }

  /** @return a Failsafe retry policy: 3 attempts, zero delay (its default; {@code withDelay} rejects zero) */
  public static RetryPolicy<Integer> failsafe() {
    return RetryPolicy.<Integer>builder()
        .handle(Exception.class)
        .withMaxAttempts(MAX_ATTEMPTS)
        .build();
  }

  /** @return a Spring Retry template, with no Spring context: 3 attempts, no back-off */
  public static RetryTemplate springRetry() {
    return RetryTemplate.builder()
        .maxAttempts(MAX_ATTEMPTS)
        .noBackoff()
        .retryOn(Exception.class)
        .build();
  }

  /**
   * Configures a SmallRye Fault Tolerance retry: 3 attempts (2 retries), zero delay and, unlike MicroProfile's
   * default of 200 ms, zero jitter.
   *
   * @param builder the guard builder to add the retry to
   * @return the same builder, for chaining
   */
  public static TypedGuard.Builder<Integer> smallRye(TypedGuard.Builder<Integer> builder) {
    return builder.withRetry()
        .maxRetries(MAX_ATTEMPTS - 1)
        .delay(0, ChronoUnit.MILLIS)
        .jitter(0, ChronoUnit.MILLIS)
        .retryOn(Exception.class)
        .done();
  }
}
