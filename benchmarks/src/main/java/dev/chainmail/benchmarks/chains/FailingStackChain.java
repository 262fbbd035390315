package dev.chainmail.benchmarks.chains;

import dev.chainmail.CircuitBreaker;
import dev.chainmail.Fallback;
import dev.chainmail.Retry;

/**
 * {@link FailingChain} behind the guards of {@link StackChain}: each call makes 3 attempts and then the fallback
 * answers, until the breaker opens and the attempts are rejected without running the method.
 */
public class FailingStackChain extends FailingChain {

  @Override
  @Fallback(method = "fallback")
  @Retry(maxAttempts = 3)
  @CircuitBreaker
  public int call(int x) {
    return super.call(x);
  }
}
