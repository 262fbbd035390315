package dev.chainmail.benchmarks.chains;

/**
 * A chain whose calls take 100 ms unless interrupted, for the sanity checks that prove a timeout fires. Unguarded
 * itself; the peers' probe guards wrap it, and {@link SlowTimeoutChain} carries a Chainmail timeout. Never
 * measured. This class is thread-safe.
 */
public class SlowChain implements Service {

  /** How long a call sleeps, in milliseconds. */
  public static final long SLEEP_MILLIS = 100;

  /**
   * Sleeps for {@link #SLEEP_MILLIS}.
   *
   * @param x the input
   * @return {@code x + 1}
   * @throws IllegalStateException if the thread is interrupted while sleeping; the interrupt flag is then set
   */
  @Override
  public int call(int x) {
    try {
      Thread.sleep(SLEEP_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while sleeping", e);
    }
    return x + 1;
  }
}
