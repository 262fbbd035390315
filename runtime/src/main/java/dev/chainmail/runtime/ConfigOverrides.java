package dev.chainmail.runtime;

import java.util.Optional;

/**
 * Applies config overrides to a policy builder. A key is the builder's method, the annotation and an attribute,
 * separated by slashes, such as {@code com.example.ResearchChain/answer/CircuitBreaker/failureRatio}; the value is
 * written in the annotation's syntax. Written without lambdas, since every proxy constructor runs it, and the first
 * one is on the cold-start path.
 */
final class ConfigOverrides {

  /** Receives the overrides of one builder, one attribute at a time. */
  interface Target {

    /**
     * Sets one attribute from its override.
     *
     * @param attribute one of the attributes passed to {@link #apply}
     * @param value the override, trimmed
     * @throws IllegalArgumentException if the value does not parse or is out of range
     */
    void set(String attribute, String value);
  }

  private ConfigOverrides() {}

  /**
   * Looks up {@code prefix + attribute} for each attribute, in order, and passes each value found to the target.
   *
   * @throws ConfigurationException if the target rejects a value; the message names the key and the value, and
   *     ends with the target's reason
   */
  static void apply(ChainmailConfig config, String prefix, String[] attributes, Target target) {
    for (String attribute : attributes) {
      String key = prefix + attribute;
      Optional<String> value = config.value(key);
      if (value.isPresent()) {
        try {
          target.set(attribute, value.get().trim());
        } catch (IllegalArgumentException e) {
          throw new ConfigurationException("config key " + key + " = '" + value.get() + "' is invalid: "
              + e.getMessage(), e);
        }
      }
    }
  }

  /** Parses a whole number, as an {@code int} attribute is written. */
  static int parseInt(String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + value + "' is not a whole number", e);
    }
  }

  /** Parses a number, as a {@code double} attribute is written. */
  static double parseDouble(String value) {
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + value + "' is not a number", e);
    }
  }
}
