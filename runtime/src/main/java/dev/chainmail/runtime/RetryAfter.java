package dev.chainmail.runtime;

import java.time.Duration;

/**
 * A failure that says how long to wait before trying again, as a provider's HTTP 429 or 503 does in its
 * {@code Retry-After} header. Implement it on the exception a client throws, and a {@code @Retry} that retries the
 * failure pauses at least that long: the hint lengthens the computed backoff, never shortens it, and
 * {@code maxDelay} still caps the pause. A {@code @Retry(delayFrom = "...")} method, where one is named, reads
 * the hint instead.
 *
 * <pre>{@code
 * final class RateLimitedByProvider extends IOException implements RetryAfter {
 *   private final Duration wait;
 *   ...
 *   public Duration retryAfter() { return wait; }
 * }
 * }</pre>
 */
public interface RetryAfter {

  /**
   * @return how long the failing service asked callers to wait before the next attempt; null or a negative or
   *     zero duration for no hint. Called once per retried failure, on the calling thread; must not throw.
   */
  Duration retryAfter();
}
