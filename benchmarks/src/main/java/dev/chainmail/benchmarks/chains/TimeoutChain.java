package dev.chainmail.benchmarks.chains;

import dev.chainmail.Timeout;

/**
 * A chain whose guarded method always succeeds at once, well within its synchronous timeout of 1s.
 * {@link #call(int)} reads no state and may be shared.
 */
public class TimeoutChain implements Service {

  @Override
  @Timeout("1s")
  public int call(int x) {
    return x + 1;
  }
}
