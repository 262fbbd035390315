package dev.chainmail.runtime;

/**
 * Thrown when a bulkhead has no free permit and none came within its {@code maxWait}, or the waiting thread was interrupted. The message names the guarded method and the limit.
 *
 * <p>Instances are thread-safe.
 */
public class BulkheadFullException extends ResilienceException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception for a guarded method.
   *
   * @param method the guarded method, as {@code com.example.ResearchChain/answer}
   * @param message the detail message, which should begin with {@code method}
   * @param cause the failure that led to this one, or null
   * @throws NullPointerException if {@code method} is null
   */
  public BulkheadFullException(String method, String message, Throwable cause) {
    super(method, message, cause);
  }
}
