package dev.chainmail.benchmarks;

/**
 * Checks, before any measurement, that an implementation computes what the direct call computes and makes the
 * attempts it should, so that a broken proxy fails the run instead of producing a fast-looking number.
 */
final class Sanity {

  private Sanity() {}

  /**
   * @param scenario the scenario, for the message
   * @param implementation the implementation, for the message
   * @param expected what the direct call returned
   * @param actual what the implementation returned
   * @throws IllegalStateException if they differ
   */
  static void sameResult(String scenario, String implementation, int expected, int actual) {
    if (expected != actual) {
      throw new IllegalStateException(scenario + "/" + implementation + " returned " + actual + ", but the direct "
          + "call returned " + expected + ": the implementation is broken, so its numbers would mean nothing");
    }
  }

  /**
   * @param scenario the scenario, for the message
   * @param implementation the implementation, for the message
   * @param expected how many times one guarded call should have run the chain method
   * @param actual how many times it did
   * @throws IllegalStateException if they differ
   */
  static void attempts(String scenario, String implementation, int expected, int actual) {
    if (expected != actual) {
      throw new IllegalStateException(scenario + "/" + implementation + " ran the chain method " + actual
          + " times for one guarded call, expected " + expected + ": it does not retry as configured");
    }
  }
}
