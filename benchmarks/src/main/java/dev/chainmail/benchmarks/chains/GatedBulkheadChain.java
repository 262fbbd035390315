package dev.chainmail.benchmarks.chains;

import dev.chainmail.Bulkhead;

/** {@link GatedChain} behind the bulkhead of {@link BulkheadChain}: 10 calls at once, no wait. */
public class GatedBulkheadChain extends GatedChain {

  @Override
  @Bulkhead
  public int call(int x) {
    return super.call(x);
  }
}
