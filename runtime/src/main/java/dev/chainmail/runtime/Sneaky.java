package dev.chainmail.runtime;

/**
 * Rethrows a failure that a replica's call threw on another thread, on the caller's, as it was: a checked one too,
 * which the proxy's method declares, since the call could throw only what the method declares.
 */
final class Sneaky {

  private Sneaky() {}

  /**
   * Throws {@code failure}; declared to return an exception only so that the caller can write {@code throw}.
   *
   * @param <E> inferred as an unchecked type, so that no caller must declare it
   */
  @SuppressWarnings("unchecked")
  static <E extends Throwable> E rethrow(Throwable failure) throws E {
    throw (E) failure;
  }
}
