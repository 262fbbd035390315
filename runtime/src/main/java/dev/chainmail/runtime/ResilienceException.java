package dev.chainmail.runtime;

/**
 * Thrown by a guard of a generated proxy when it refuses or abandons a call: an open circuit breaker, a timeout, a
 * full bulkhead or a spent rate limit. Each subclass names one cause; catch this class to handle them all.
 *
 * <p>The message begins with the guarded method, as {@code com.example.ResearchChain/answer: ...}, and says what
 * was exceeded. A guard shared by name across methods reports the method that first registered it. Instances keep
 * their stack trace, like any exception: it shows where the refused call was made.
 *
 * <p>Instances are thread-safe.
 */
public class ResilienceException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The {@link #method()} of an exception whose method is unknown. */
  static final String UNKNOWN_METHOD = "";

  /** The guarded method, or the empty string if unknown. */
  private final String method;

  /**
   * Creates an exception for a guarded method.
   *
   * @param method the guarded method, as {@code com.example.ResearchChain/answer}
   * @param message the detail message, which should begin with {@code method}
   * @param cause the failure that led to this one, or null
   * @throws NullPointerException if {@code method} is null
   */
  protected ResilienceException(String method, String message, Throwable cause) {
    super(message, cause);
    if (method == null) {
      throw new NullPointerException("method");
    }
    this.method = method;
  }

  /**
   * Creates an exception whose guarded method is unknown: {@link #method()} then returns the empty string.
   *
   * @param message the detail message
   * @param cause the failure that led to this one, or null
   */
  protected ResilienceException(String message, Throwable cause) {
    super(message, cause);
    this.method = UNKNOWN_METHOD;
  }

  /**
   * Returns the guarded method whose guard threw this exception.
   *
   * @return the method, as {@code com.example.ResearchChain/answer}; for a guard shared by name, the method that
   *     first registered it; the empty string if unknown
   */
  public String method() {
    return method;
  }
}
