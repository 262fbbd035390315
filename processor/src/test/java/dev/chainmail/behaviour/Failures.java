package dev.chainmail.behaviour;

/** Throwables for fixtures that need their own types. */
final class Failures {

  private Failures() {}

  /** An {@link Error} that is not an {@link AssertionError}, so JUnit never mistakes it for a test failure. */
  static final class CustomError extends Error {
    private static final long serialVersionUID = 1L;

    CustomError(String message) {
      super(message);
    }
  }
}
