package dev.chainmail.benchmarks.peers;

/**
 * A chain's fallback method, for the peers' fallback handlers to call: {@code FallbackChain::fallback}.
 *
 * @param <T> the chain type
 */
@FunctionalInterface
public interface FallbackMethod<T> {

  /**
   * Answers for a call whose attempts all failed.
   *
   * @param target the chain
   * @param x the input of the failed call
   * @param cause the last failure
   * @return the fallback value
   */
  int apply(T target, int x, Throwable cause);
}
