package dev.chainmail.runtime;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * Parses and formats the duration strings of Chainmail's annotations and config keys.
 *
 * <p>A duration is either a whole number followed by a unit, one of {@code ns}, {@code us}, {@code ms}, {@code s},
 * {@code m} and {@code h} (for example {@code "250ms"} or {@code "2s"}), or an ISO-8601 duration such as
 * {@code "PT1.5S"}. The annotation processor and the runtime share this one grammar, so a string the compiler
 * accepted is read the same way at run time. This class is thread-safe.
 */
public final class Durations {

  private static final String[] UNITS = {"ns", "us", "ms", "s", "m", "h"};
  private static final long[] UNIT_NANOS = {1L, 1_000L, 1_000_000L, 1_000_000_000L, 60_000_000_000L,
      3_600_000_000_000L};
  private static final String FORMS =
      "use a whole number with a unit (ns, us, ms, s, m, h), such as \"250ms\", or an ISO-8601 duration such as "
          + "\"PT1.5S\"";

  private Durations() {}

  /**
   * Parses a duration string into nanoseconds.
   *
   * @param text the duration, such as {@code "250ms"} or {@code "PT1.5S"}
   * @return the duration in nanoseconds; never negative
   * @throws IllegalArgumentException if {@code text} is not a duration, is negative, or exceeds {@link Long#MAX_VALUE}
   *     nanoseconds (about 292 years); the message quotes the text and says what form is expected
   */
  public static long parseNanos(String text) {
    if (text == null) {
      throw new IllegalArgumentException("duration is null; " + FORMS);
    }
    String trimmed = text.trim();
    if (trimmed.startsWith("P") || trimmed.startsWith("p") || trimmed.startsWith("-P")
        || trimmed.startsWith("-p")) {
      return parseIso(text, trimmed);
    }
    return parseWithUnit(text, trimmed);
  }

  /**
   * Formats nanoseconds as the shortest exact duration string, such as {@code "250ms"}, {@code "2s"} or
   * {@code "1500us"}.
   *
   * @param nanos a duration in nanoseconds; not negative
   * @return a string that {@link #parseNanos(String)} reads back as {@code nanos}
   * @throws IllegalArgumentException if {@code nanos} is negative
   */
  public static String format(long nanos) {
    if (nanos < 0) {
      throw new IllegalArgumentException("duration must not be negative, was " + nanos + "ns");
    }
    if (nanos == 0) {
      return "0ms";
    }
    for (int i = UNITS.length - 1; i > 0; i--) {
      if (nanos % UNIT_NANOS[i] == 0) {
        return (nanos / UNIT_NANOS[i]) + UNITS[i];
      }
    }
    return nanos + "ns";
  }

  /**
   * Formats nanoseconds roughly, for messages: {@code "3.2s"} from one second up (whole seconds from ten seconds),
   * else whole milliseconds, microseconds or nanoseconds, rounded down.
   */
  static String approximate(long nanos) {
    if (nanos >= 10_000_000_000L) {
      return (nanos / 1_000_000_000L) + "s";
    }
    if (nanos >= 1_000_000_000L) {
      long tenths = nanos / 100_000_000L;
      return (tenths / 10) + "." + (tenths % 10) + "s";
    }
    if (nanos >= 1_000_000L) {
      return (nanos / 1_000_000L) + "ms";
    }
    if (nanos >= 1_000L) {
      return (nanos / 1_000L) + "us";
    }
    return nanos + "ns";
  }

  private static long parseWithUnit(String text, String trimmed) {
    int digits = 0;
    boolean negative = trimmed.startsWith("-");
    int start = negative ? 1 : 0;
    while (start + digits < trimmed.length() && isAsciiDigit(trimmed.charAt(start + digits))) {
      digits++;
    }
    if (digits == 0) {
      throw new IllegalArgumentException("'" + text + "' is not a duration: " + FORMS);
    }
    String unit = trimmed.substring(start + digits);
    for (int i = 0; i < UNITS.length; i++) {
      if (UNITS[i].equals(unit)) {
        if (negative) {
          throw negative(text);
        }
        long amount;
        try {
          amount = Long.parseLong(trimmed.substring(start, start + digits));
          return Math.multiplyExact(amount, UNIT_NANOS[i]);
        } catch (NumberFormatException | ArithmeticException e) {
          throw tooLong(text);
        }
      }
    }
    throw new IllegalArgumentException("'" + text + "' is not a duration: the unit '" + unit
        + "' is unknown; " + FORMS);
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static long parseIso(String text, String trimmed) {
    if (trimmed.startsWith("-")) {
      throw negative(text);
    }
    Duration duration;
    try {
      duration = Duration.parse(trimmed);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + text + "' is not a duration: " + FORMS);
    }
    if (duration.isNegative()) {
      throw negative(text);
    }
    try {
      return duration.toNanos();
    } catch (ArithmeticException e) {
      throw tooLong(text);
    }
  }

  private static IllegalArgumentException negative(String text) {
    return new IllegalArgumentException("'" + text + "' is negative; a duration must be zero or more");
  }

  private static IllegalArgumentException tooLong(String text) {
    return new IllegalArgumentException("'" + text + "' is too long; a duration is at most about 292 years");
  }
}
