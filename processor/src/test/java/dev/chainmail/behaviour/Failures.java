package dev.chainmail.behaviour;

/** Throwables for fixtures: their own types, and numbered failures a test can tell apart. */
final class Failures {

  private Failures() {}

  /** Distinct failures named "failure 1", "failure 2", ..., so a test can check which one propagated. */
  static IllegalStateException[] numbered(int count) {
    IllegalStateException[] failures = new IllegalStateException[count];
    for (int i = 0; i < count; i++) {
      failures[i] = new IllegalStateException("failure " + (i + 1));
    }
    return failures;
  }

  /** An {@link Error} that is not an {@link AssertionError}, so JUnit never mistakes it for a test failure. */
  static final class CustomError extends Error {
    private static final long serialVersionUID = 1L;

    CustomError(String message) {
      super(message);
    }
  }
}
