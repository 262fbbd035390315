package dev.chainmail.runtime;

/**
 * Thrown when a rate limiter refuses a call because the next permit is further away than its {@code maxWait}, or because the thread was interrupted while waiting for a permit it had reserved. The message names the guarded method and the limit.
 *
 * <p>Instances are thread-safe.
 */
public class RateLimitedException extends ResilienceException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception for a guarded method.
   *
   * @param method the guarded method, as {@code com.example.ResearchChain/answer}
   * @param message the detail message, which should begin with {@code method}
   * @param cause the failure that led to this one, or null
   * @throws NullPointerException if {@code method} is null
   */
  public RateLimitedException(String method, String message, Throwable cause) {
    super(method, message, cause);
  }
}
