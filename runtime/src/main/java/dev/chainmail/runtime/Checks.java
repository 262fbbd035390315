package dev.chainmail.runtime;

/**
 * The checks policy builders make as each value is set. Each failure is a {@link ConfigurationException} whose
 * message names the method, the attribute and the bad value.
 */
final class Checks {

  private Checks() {}

  static int atLeastOne(String method, String attribute, int value) {
    if (value < 1) {
      throw new ConfigurationException(method + ": " + attribute + " must be at least 1, was " + value);
    }
    return value;
  }

  /** A ratio in {@code (0, 1]}. */
  static double ratio(String method, String attribute, double value) {
    if (!(value > 0.0 && value <= 1.0)) {
      throw new ConfigurationException(method + ": " + attribute + " must be in (0, 1], was " + value);
    }
    return value;
  }

  static long nonNegativeNanos(String method, String attribute, long nanos) {
    if (nanos < 0) {
      throw new ConfigurationException(method + ": " + attribute + " must not be negative, was " + nanos + "ns");
    }
    return nanos;
  }

  static long positiveNanos(String method, String attribute, long nanos) {
    if (nanos <= 0) {
      throw new ConfigurationException(method + ": " + attribute + " must be positive, was " + nanos + "ns");
    }
    return nanos;
  }

  /** Parses a duration string set on a builder, naming the method and attribute if it does not parse. */
  static long duration(String method, String attribute, String text) {
    if (text == null) {
      throw new ConfigurationException(method + ": " + attribute + " is null; a duration is required");
    }
    try {
      return Durations.parseNanos(text);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(method + ": " + attribute + " " + e.getMessage(), e);
    }
  }

  static String name(String method, String name) {
    if (name == null) {
      throw new ConfigurationException(method + ": name is null; use \"\" for a guard of this method alone");
    }
    return name;
  }

  /** Saturating {@code a + b} for a non-negative {@code b}. */
  static long plus(long a, long b) {
    long sum = a + b;
    return sum < a ? Long.MAX_VALUE : sum;
  }
}
