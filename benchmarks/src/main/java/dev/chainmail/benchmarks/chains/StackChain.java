package dev.chainmail.benchmarks.chains;

import dev.chainmail.CircuitBreaker;
import dev.chainmail.Fallback;
import dev.chainmail.Retry;

/**
 * A chain whose guarded method always succeeds at once, behind a fallback, a retry (3 attempts, no pause) and a
 * circuit breaker with the defaults, in that order from the outside in. {@link #call(int)} reads no state and may
 * be shared.
 */
public class StackChain implements Recoverable {

  @Override
  @Fallback(method = "fallback")
  @Retry(maxAttempts = 3)
  @CircuitBreaker
  public int call(int x) {
    return x + 1;
  }

  /** Answers {@code -x}; never called in the benchmark. */
  @Override
  public int fallback(int x, Throwable cause) {
    return -x;
  }
}
