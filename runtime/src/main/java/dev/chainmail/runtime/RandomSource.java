package dev.chainmail.runtime;

/**
 * Supplies the random numbers that jitter draws on. Tests inject a fixed source to make jitter deterministic.
 * Implementations must be thread-safe.
 */
@FunctionalInterface
public interface RandomSource {

  /**
   * Returns a number drawn uniformly from {@code [0, 1)}.
   *
   * @return a random number in {@code [0, 1)}
   */
  double nextDouble();

  /**
   * Returns the source backed by {@link java.util.concurrent.ThreadLocalRandom}, which does not contend across threads.
   *
   * @return the default random source
   */
  static RandomSource threadLocal() {
    return JdkDefaults.ThreadLocalRandomSource.INSTANCE;
  }
}
