package dev.chainmail.benchmarks.coldstart;

/** What every cold-start program shares: the input, and the check of the one result. */
final class ColdStart {

  /** The argument of the first guarded call. */
  static final int INPUT = 41;

  private ColdStart() {}

  /**
   * Exits with status 1 if the first guarded call answered wrongly, so that a broken implementation cannot post a
   * cold-start time.
   *
   * @param result what {@code RetryChain.call(INPUT)} returned through the implementation
   */
  static void check(int result) {
    if (result != INPUT + 1) {
      System.err.println("cold start: expected " + (INPUT + 1) + ", got " + result);
      System.exit(1);
    }
  }
}
