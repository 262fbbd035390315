package dev.chainmail.runtime;

/**
 * Thrown when a call guarded by a {@link TimeoutPolicy} ran past its timeout. The message names the guarded method
 * and the timeout; the cause, if any, is what the call threw after it was interrupted. The exception is thrown even
 * when the call ignored the interrupt and returned a value late.
 *
 * <p>Instances are thread-safe.
 */
public class TimeoutExceededException extends ResilienceException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception for a guarded method.
   *
   * @param method the guarded method, as {@code com.example.ResearchChain/answer}
   * @param message the detail message, which should begin with {@code method}
   * @param cause what the call threw once its deadline had passed, or null if it returned
   * @throws NullPointerException if {@code method} is null
   */
  public TimeoutExceededException(String method, String message, Throwable cause) {
    super(method, message, cause);
  }
}
