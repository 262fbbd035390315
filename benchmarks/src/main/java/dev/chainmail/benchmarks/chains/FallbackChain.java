package dev.chainmail.benchmarks.chains;

import dev.chainmail.Fallback;
import dev.chainmail.Retry;

/**
 * A chain whose guarded method always fails: every guarded call makes all its attempts, then the fallback
 * answers. Instances are not thread-safe.
 */
public class FallbackChain implements Service {

  private int calls;

  @Override
  @Retry(maxAttempts = 3)
  @Fallback(method = "fallback")
  public int call(int x) {
    calls++;
    throw new IllegalStateException("persistent failure");
  }

  /**
   * Answers when {@link #call(int)} has failed for good.
   *
   * @param x the input of the failed call
   * @param cause the last failure
   * @return the fallback value, {@code -x}
   */
  public int fallback(int x, Throwable cause) {
    return -x;
  }

  /** @return how many times {@link #call(int)} ran */
  public int calls() {
    return calls;
  }
}
