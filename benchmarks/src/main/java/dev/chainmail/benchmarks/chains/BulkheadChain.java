package dev.chainmail.benchmarks.chains;

import dev.chainmail.Bulkhead;

/**
 * A chain whose guarded method always succeeds at once, behind a bulkhead with the defaults: at most 10 calls at
 * once, no wait for a permit. {@link #call(int)} reads no state and may be shared.
 */
public class BulkheadChain implements Service {

  @Override
  @Bulkhead
  public int call(int x) {
    return x + 1;
  }
}
