package dev.chainmail.benchmarks.chains;

import dev.chainmail.Bulkhead;
import dev.chainmail.CircuitBreaker;
import dev.chainmail.Fallback;
import dev.chainmail.RateLimit;
import dev.chainmail.Retry;
import dev.chainmail.Timeout;

/**
 * A chain whose guarded method always succeeds at once, behind all six guards, each configured as in its own
 * scenario: a fallback, a retry (3 attempts, no pause), a circuit breaker with the defaults, a rate limit it never
 * reaches (1,000 per microsecond), a timeout of 1s and a bulkhead of 10. {@link #call(int)} reads no state and may
 * be shared.
 */
public class AllGuardsChain implements Service {

  @Override
  @Fallback(method = "fallback")
  @Retry(maxAttempts = 3)
  @CircuitBreaker
  @RateLimit(value = 1000, window = "1us")
  @Timeout("1s")
  @Bulkhead
  public int call(int x) {
    return x + 1;
  }

  /**
   * Answers when {@link #call(int)} has failed for good; never, in the benchmark.
   *
   * @param x the input of the failed call
   * @param cause the last failure
   * @return the fallback value, {@code -x}
   */
  public int fallback(int x, Throwable cause) {
    return -x;
  }
}
