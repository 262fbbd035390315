package dev.chainmail.runtime;

/**
 * Watches armed deadlines and fires those that pass: {@link Watchdog} in real time, one JVM-wide thread, and
 * {@link VirtualTime} in virtual time, which fires them as its clock moves. The asynchronous guards' scheduler can
 * watch its deadlines through the same seam. Implementations must be thread-safe.
 */
interface DeadlineWatch {

  /**
   * Starts watching a deadline its owner thread has just armed; fires it at once if it has already passed.
   *
   * @param deadline an armed deadline
   */
  void armed(TimeoutPolicy.Deadline deadline);

  /**
   * Stops watching a deadline its owner thread has just finished with, fired or not. Must not allocate.
   *
   * @param deadline a deadline that is no longer armed
   */
  void disarmed(TimeoutPolicy.Deadline deadline);
}
