package dev.chainmail.benchmarks.chains;

/**
 * A chain that counts its calls, for the sanity checks that prove a rate limiter rejects a call past its limit
 * without running it. Unguarded itself; the peers' probe guards wrap it, and {@link LimitedChain} carries a
 * Chainmail rate limit. Never measured. Instances are not thread-safe.
 */
public class CountingChain implements Service {

  private int calls;

  @Override
  public int call(int x) {
    calls++;
    return x + 1;
  }

  /** @return how many times {@link #call(int)} ran */
  public int calls() {
    return calls;
  }
}
