package dev.chainmail.runtime;

/**
 * Thrown when a policy is built with a configuration that cannot work: a value out of range, a config override
 * that does not parse, or two guards shared under one name with different settings. The message names the method
 * or config key, the bad value, and what is wrong with it.
 *
 * <p>It extends {@link IllegalArgumentException}, so code that catches that still catches this. Instances are
 * thread-safe.
 */
public class ConfigurationException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message.
   *
   * @param message what is wrong, naming the method or key and the value
   */
  public ConfigurationException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and the failure that revealed the mistake.
   *
   * @param message what is wrong, naming the method or key and the value
   * @param cause the failure that revealed the mistake, such as a parse error
   */
  public ConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
