package dev.chainmail.runtime;

/**
 * Thrown when an open circuit breaker refuses a call without calling the target, because the breaker is {@code OPEN}, {@code FORCED_OPEN}, or {@code HALF_OPEN} with every trial call taken. The message names the guarded method and the limit.
 *
 * <p>Instances are thread-safe.
 */
public class CircuitBreakerOpenException extends ResilienceException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception for a guarded method.
   *
   * @param method the guarded method, as {@code com.example.ResearchChain/answer}
   * @param message the detail message, which should begin with {@code method}
   * @param cause the failure that led to this one, or null
   * @throws NullPointerException if {@code method} is null
   */
  public CircuitBreakerOpenException(String method, String message, Throwable cause) {
    super(method, message, cause);
  }
}
