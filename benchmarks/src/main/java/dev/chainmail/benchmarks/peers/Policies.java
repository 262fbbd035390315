package dev.chainmail.benchmarks.peers;

import dev.failsafe.RetryPolicy;
import dev.failsafe.Timeout;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.smallrye.faulttolerance.api.TypedGuard;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.springframework.retry.support.RetryTemplate;

/**
 * The policies every implementation is configured with, written in each peer library's own API; the Chainmail
 * chains write the same in their annotations.
 *
 * <ul>
 *   <li>Retry: three attempts in all, no pause between them, every {@link Exception} retried
 *       ({@code @Retry(maxAttempts = 3)}).</li>
 *   <li>Circuit breaker: Chainmail's defaults ({@code @CircuitBreaker}): a count window of the last 20 calls,
 *       judged once full, opening when half of them failed, open for 5 s, one trial call.</li>
 *   <li>Bulkhead: Chainmail's defaults ({@code @Bulkhead}): 10 calls at once, no wait for a permit.</li>
 *   <li>Timeout: 1 s ({@code @Timeout("1s")}).</li>
 *   <li>Rate limit: 1,000 calls per microsecond with no wait ({@code @RateLimit(value = 1000, window = "1us")}),
 *       a rate no benchmark reaches, so that every call succeeds while the limiter does its bookkeeping.
 *       Chainmail's limit is strict over any interval of that length; the peers refresh their permits at the
 *       start of each period.</li>
 * </ul>
 *
 * The sanity checks build the same guards with a short timeout and a low rate limit ({@link #PROBE_TIMEOUT},
 * {@link #PROBE_RATE_LIMIT}) on separate instances, to see them fire. This class is thread-safe.
 */
public final class Policies {

  /** Total attempts, the first included. */
  public static final int MAX_ATTEMPTS = 3;

  /** The circuit breakers' window, in calls. */
  public static final int BREAKER_WINDOW = 20;

  /** The bulkheads' limit on concurrent calls. */
  public static final int BULKHEAD_MAX_CONCURRENT = 10;

  /** The timeout of the measured calls. */
  public static final Duration TIMEOUT = Duration.ofSeconds(1);

  /** The rate limit of the measured calls: this many calls per {@link #RATE_LIMIT_WINDOW}. */
  public static final int RATE_LIMIT = 1000;

  /** The window of {@link #RATE_LIMIT}. */
  public static final Duration RATE_LIMIT_WINDOW = Duration.ofNanos(1000);

  /** The timeout of the sanity checks' probes, whose calls take {@code SlowChain.SLEEP_MILLIS}. */
  public static final Duration PROBE_TIMEOUT = Duration.ofMillis(20);

  /** The rate limit of the sanity checks' probes: this many calls per {@link #PROBE_RATE_LIMIT_WINDOW}. */
  public static final int PROBE_RATE_LIMIT = 2;

  /** The window of {@link #PROBE_RATE_LIMIT}. */
  public static final Duration PROBE_RATE_LIMIT_WINDOW = Duration.ofHours(1);

  private static final Duration BREAKER_DELAY = Duration.ofSeconds(5);

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

  /**
   * @param name the breaker's name, as Resilience4j registries key it
   * @return a Resilience4j circuit breaker: a count-based sliding window of 20 calls, judged from 20 calls, a
   *     failure-rate threshold of 50%, 5 s open, one call half-open
   */
  public static CircuitBreaker resilience4jBreaker(String name) {
    CircuitBreakerConfig config = CircuitBreakerConfig.custom()
        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
        .slidingWindowSize(BREAKER_WINDOW)
        .minimumNumberOfCalls(BREAKER_WINDOW)
        .failureRateThreshold(50)
        .waitDurationInOpenState(BREAKER_DELAY)
        .permittedNumberOfCallsInHalfOpenState(1)
        .build();
    return CircuitBreaker.of(name, config);
  }

  /**
   * @return a Failsafe circuit breaker: open when 10 of the last 20 executions failed, 5 s open, one successful
   *     trial to close
   */
  public static dev.failsafe.CircuitBreaker<Integer> failsafeBreaker() {
    return dev.failsafe.CircuitBreaker.<Integer>builder()
        .withFailureThreshold(BREAKER_WINDOW / 2, BREAKER_WINDOW)
        .withDelay(BREAKER_DELAY)
        .withSuccessThreshold(1)
        .build();
  }

  /**
   * @param name the bulkhead's name, as Resilience4j registries key it
   * @return a Resilience4j semaphore bulkhead: 10 concurrent calls, zero wait
   */
  public static Bulkhead resilience4jBulkhead(String name) {
    BulkheadConfig config = BulkheadConfig.custom()
        .maxConcurrentCalls(BULKHEAD_MAX_CONCURRENT)
        .maxWaitDuration(Duration.ZERO)
        .build();
    return Bulkhead.of(name, config);
  }

  /** @return a Failsafe bulkhead: 10 concurrent executions, zero wait */
  public static dev.failsafe.Bulkhead<Integer> failsafeBulkhead() {
    return dev.failsafe.Bulkhead.<Integer>builder(BULKHEAD_MAX_CONCURRENT)
        .withMaxWaitTime(Duration.ZERO)
        .build();
  }

  /**
   * @param timeout how long a call may take
   * @return a Resilience4j time limiter that cancels the future it gave up on (its default)
   */
  public static TimeLimiter resilience4jTimeLimiter(Duration timeout) {
    return TimeLimiter.of(TimeLimiterConfig.custom()
        .timeoutDuration(timeout)
        .cancelRunningFuture(true)
        .build());
  }

  /**
   * @param timeout how long an execution may take
   * @param interrupt whether to interrupt the execution's thread when it times out, as Chainmail does
   * @return a Failsafe timeout
   */
  public static Timeout<Integer> failsafeTimeout(Duration timeout, boolean interrupt) {
    return interrupt ? Timeout.<Integer>builder(timeout).withInterrupt().build() : Timeout.of(timeout);
  }

  /**
   * @param name the limiter's name, as Resilience4j registries key it
   * @param permits the calls permitted per refresh period
   * @param window the refresh period
   * @return a Resilience4j rate limiter that rejects at once when no permit is left (zero timeout)
   */
  public static RateLimiter resilience4jRateLimiter(String name, int permits, Duration window) {
    RateLimiterConfig config = RateLimiterConfig.custom()
        .limitForPeriod(permits)
        .limitRefreshPeriod(window)
        .timeoutDuration(Duration.ZERO)
        .build();
    return RateLimiter.of(name, config);
  }

  /**
   * @param permits the executions permitted per period
   * @param window the period
   * @return a Failsafe bursty rate limiter, whose permits are refreshed each period, that rejects at once when
   *     none is left (zero wait)
   */
  public static dev.failsafe.RateLimiter<Integer> failsafeRateLimiter(int permits, Duration window) {
    return dev.failsafe.RateLimiter.<Integer>burstyBuilder(permits, window)
        .withMaxWaitTime(Duration.ZERO)
        .build();
  }
}
