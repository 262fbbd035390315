package dev.chainmail.benchmarks.chains;

/**
 * A chain that always fails, for the sanity checks that prove a circuit breaker opens: every call throws a new
 * {@link IllegalStateException} and is counted. Unguarded itself; the peers' probe guards wrap it, and its
 * Chainmail subclasses ({@link FailingBreakerChain}, {@link FailingStackChain}, {@link FailingAllGuardsChain}) carry
 * the guards of the scenario they probe. Never measured. Instances are not thread-safe.
 */
public class FailingChain implements Recoverable {

  private int calls;

  @Override
  public int call(int x) {
    calls++;
    throw new IllegalStateException("persistent failure");
  }

  /** Answers {@code -x}. */
  @Override
  public int fallback(int x, Throwable cause) {
    return -x;
  }

  /** @return how many times {@link #call(int)} ran */
  public int calls() {
    return calls;
  }
}
