package dev.chainmail.benchmarks.chains;

import dev.chainmail.Retry;

/**
 * A chain whose guarded method always succeeds at once: the success path of a retry. The body is one addition, so
 * any cost a guard adds is not hidden behind the call's own work. Instances are not thread-safe to mutate, but
 * {@link #call(int)} reads no state and may be shared.
 */
public class RetryChain implements Service {

  @Override
  @Retry(maxAttempts = 3)
  public int call(int x) {
    return x + 1;
  }
}
