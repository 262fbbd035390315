package dev.chainmail.benchmarks.chains;

import dev.chainmail.Retry;

/**
 * A chain whose guarded method fails every other call: under a retry guard each guarded call fails once, then
 * succeeds at its second attempt. The failure is a new exception each time, with its stack trace, as a real
 * failure would be. Instances are not thread-safe.
 */
public class FlakyChain implements Service {

  private int calls;

  @Override
  @Retry(maxAttempts = 3)
  public int call(int x) {
    if ((++calls & 1) == 1) {
      throw new IllegalStateException("transient failure");
    }
    return x + 1;
  }

  /** @return how many times {@link #call(int)} ran, failed attempts included */
  public int calls() {
    return calls;
  }
}
