package dev.chainmail.runtime;

/**
 * A source of monotonic time in nanoseconds, such as {@link System#nanoTime()}.
 *
 * <p>Generated proxies read the clock only when a guard needs elapsed time (a {@code maxDuration}, for example),
 * never on the success path of a plain retry. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface Clock {

  /**
   * Returns the current value of this clock, in nanoseconds. Only differences between two readings of the same
   * clock are meaningful.
   *
   * @return the current time in nanoseconds
   */
  long nanoTime();

  /**
   * Returns the clock backed by {@link System#nanoTime()}.
   *
   * @return the system clock
   */
  static Clock system() {
    return JdkDefaults.SystemClock.INSTANCE;
  }
}
