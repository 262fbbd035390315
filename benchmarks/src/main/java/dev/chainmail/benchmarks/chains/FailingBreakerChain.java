package dev.chainmail.benchmarks.chains;

import dev.chainmail.CircuitBreaker;

/** {@link FailingChain} behind the circuit breaker of {@link BreakerChain}: it opens once its window is full. */
public class FailingBreakerChain extends FailingChain {

  @Override
  @CircuitBreaker
  public int call(int x) {
    return super.call(x);
  }
}
