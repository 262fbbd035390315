package dev.chainmail.benchmarks.chains;

import dev.chainmail.CircuitBreaker;

/**
 * A chain whose guarded method always succeeds at once, behind a circuit breaker with the defaults: a count window
 * of the last 20 calls, opening at a failure ratio of 0.5, open for 5s. Its breaker stays closed. {@link #call(int)}
 * reads no state and may be shared.
 */
public class BreakerChain implements Service {

  @Override
  @CircuitBreaker
  public int call(int x) {
    return x + 1;
  }
}
