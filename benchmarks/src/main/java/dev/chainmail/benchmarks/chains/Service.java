package dev.chainmail.benchmarks.chains;

/**
 * The one-method contract every benchmarked chain implements, so that interface-based wrappers (a
 * {@link java.lang.reflect.Proxy}) can stand in for it and one call site can reach several chain classes.
 */
public interface Service {

  /**
   * Answers a call.
   *
   * @param x the input
   * @return a value derived from {@code x}
   */
  int call(int x);
}
