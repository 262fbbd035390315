package dev.chainmail.benchmarks.chains;

/**
 * A {@link Service} with a fallback method, so that the peers' fallback handlers can call the chain's own, as
 * Chainmail's {@code @Fallback} does, whichever chain class they guard.
 */
public interface Recoverable extends Service {

  /**
   * Answers when {@link #call(int)} has failed for good.
   *
   * @param x the input of the failed call
   * @param cause the last failure
   * @return the fallback value
   */
  int fallback(int x, Throwable cause);
}
