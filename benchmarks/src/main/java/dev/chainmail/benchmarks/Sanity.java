package dev.chainmail.benchmarks;

import java.util.function.IntSupplier;

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

  /**
   * Makes three guarded calls through one implementation and checks each: its answer, and how many times it ran
   * the chain method.
   *
   * @param scenario the scenario, for the message
   * @param implementation the implementation, for the message
   * @param call one guarded call
   * @param expected what each call should return
   * @param chainCalls how many times the chain method has run so far: the target's call counter
   * @param attempts how many times each guarded call should run the chain method
   * @throws IllegalStateException if an answer or a number of attempts is wrong
   */
  static void retries(String scenario, String implementation, IntSupplier call, int expected, IntSupplier chainCalls,
      int attempts) {
    for (int i = 0; i < 3; i++) {
      int before = chainCalls.getAsInt();
      sameResult(scenario, implementation, expected, call.getAsInt());
      attempts(scenario, implementation, attempts, chainCalls.getAsInt() - before);
    }
  }
}
