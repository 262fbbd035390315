package dev.chainmail.benchmarks.chains;

import dev.chainmail.Timeout;

/**
 * {@link SlowChain} behind a Chainmail timeout of 20 ms, the generated code of {@link TimeoutChain} with a deadline
 * short enough to pass during a sanity check.
 */
public class SlowTimeoutChain extends SlowChain {

  @Override
  @Timeout("20ms")
  public int call(int x) {
    return super.call(x);
  }
}
