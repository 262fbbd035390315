package dev.chainmail.benchmarks.chains;

import dev.chainmail.Bulkhead;
import dev.chainmail.CircuitBreaker;
import dev.chainmail.Fallback;
import dev.chainmail.RateLimit;
import dev.chainmail.Retry;
import dev.chainmail.Timeout;

/**
 * {@link FailingChain} behind the six guards of {@link AllGuardsChain}: each call makes 3 attempts and then the
 * fallback answers, until the breaker opens and the attempts are rejected without running the method.
 */
public class FailingAllGuardsChain extends FailingChain {

  @Override
  @Fallback(method = "fallback")
  @Retry(maxAttempts = 3)
  @CircuitBreaker
  @RateLimit(value = 1000, window = "1us")
  @Timeout("1s")
  @Bulkhead
  public int call(int x) {
    return super.call(x);
  }
}
