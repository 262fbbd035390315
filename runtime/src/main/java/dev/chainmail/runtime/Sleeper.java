package dev.chainmail.runtime;

/**
 * Pauses the calling thread between attempts.
 *
 * <p>Implementations must be thread-safe. {@link VirtualTime} is an implementation for tests that advances a
 * virtual clock instead of blocking.
 */
@FunctionalInterface
public interface Sleeper {

  /**
   * Blocks the calling thread for the given time.
   *
   * @param nanos how long to pause, in nanoseconds; positive
   * @throws InterruptedException if the thread is interrupted before or while pausing; the interrupt flag is then
   *     cleared, as by {@link Thread#sleep(long)}
   */
  void sleep(long nanos) throws InterruptedException;

  /**
   * Returns the sleeper backed by {@link Thread#sleep(long, int)}.
   *
   * @return the system sleeper
   */
  static Sleeper system() {
    return JdkDefaults.ThreadSleeper.INSTANCE;
  }
}
