package dev.chainmail.benchmarks.chains;

import dev.chainmail.RateLimit;

/**
 * {@link CountingChain} behind a Chainmail rate limit of 2 calls per hour, the generated code of
 * {@link RateLimitChain} with a limit low enough to reach during a sanity check.
 */
public class LimitedChain extends CountingChain {

  @Override
  @RateLimit(value = 2, window = "1h")
  public int call(int x) {
    return super.call(x);
  }
}
