package dev.chainmail.benchmarks.chains;

import dev.chainmail.RateLimit;

/**
 * A chain whose guarded method always succeeds at once, behind a rate limit it never reaches: 1,000 calls in any
 * microsecond, a rate of 10^9 per second, which no thread calling one at a time can reach. The limiter keeps the
 * grant times of the last 1,000 calls, 8 KB. {@link #call(int)} reads no state and may be shared.
 */
public class RateLimitChain implements Service {

  @Override
  @RateLimit(value = 1000, window = "1us")
  public int call(int x) {
    return x + 1;
  }
}
