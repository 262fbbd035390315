package dev.chainmail.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

  @ParameterizedTest(name = "\"{0}\" is {1}ns")
  @CsvSource({
      "0ns, 0",
      "1ns, 1",
      "7ns, 7",
      "1us, 1000",
      "250us, 250000",
      "1ms, 1000000",
      "250ms, 250000000",
      "1500ms, 1500000000",
      "1s, 1000000000",
      "2s, 2000000000",
      "90s, 90000000000",
      "1m, 60000000000",
      "90m, 5400000000000",
      "1h, 3600000000000",
      "24h, 86400000000000",
      "0ms, 0",
      "007s, 7000000000",
      "9223372036854775807ns, 9223372036854775807",
      "2562047h, 9223369200000000000",
  })
  void parsesEveryUnit(String text, long nanos) {
    assertEquals(nanos, Durations.parseNanos(text));
  }

  @ParameterizedTest(name = "\"{0}\" is {1}ns")
  @CsvSource({
      "PT1.5S, 1500000000",
      "PT0S, 0",
      "P1D, 86400000000000",
      "PT2M, 120000000000",
      "PT1H30M, 5400000000000",
      "P1DT1H, 90000000000000",
      "PT0.000000001S, 1",
      "PT0.25S, 250000000",
      "pt1s, 1000000000",
      "p1d, 86400000000000",
  })
  void parsesIso8601(String text, long nanos) {
    assertEquals(nanos, Durations.parseNanos(text));
  }

  @Test
  void ignoresSurroundingWhitespace() {
    assertEquals(250_000_000L, Durations.parseNanos("  250ms  "));
    assertEquals(2_000_000_000L, Durations.parseNanos("\t2s\n"));
    assertEquals(1_500_000_000L, Durations.parseNanos(" PT1.5S "));
    assertEquals(86_400_000_000_000L, Durations.parseNanos("\nP1D\t"));
  }

  @Test
  void rejectsNull() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parseNanos(null));
    assertTrue(e.getMessage().startsWith("duration is null; "), e.getMessage());
    assertTrue(e.getMessage().contains("\"250ms\""), e.getMessage());
  }

  @ParameterizedTest(name = "\"{0}\" is not a duration")
  @ValueSource(strings = {"", "   ", "ms", "10", "10 sec", "10 ms", "1.5s", "10d", "10MS", "abc", "+5ms", "5ms5", "s5",
      "\uFF15ms", "\u0665s",
      "--5ms", "P", "PT", "P1Y", "PTS", "PT1.5", "PT 1S", "-"})
  void rejectsMalformedTextQuotingIt(String text) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parseNanos(text));
    assertTrue(e.getMessage().startsWith("'" + text + "' is not a duration"), e.getMessage());
    assertTrue(e.getMessage().contains("ns, us, ms, s, m, h"), e.getMessage());
    assertTrue(e.getMessage().contains("\"PT1.5S\""), e.getMessage());
  }

  @Test
  void namesAnUnknownUnit() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parseNanos("10 sec"));
    assertTrue(e.getMessage().contains("the unit ' sec' is unknown"), e.getMessage());
  }

  @ParameterizedTest(name = "\"{0}\" is negative")
  @ValueSource(strings = {"-5ms", "-1ns", " -3h ", "-PT1S", "-P1D", "PT-1S", "-pt0.5s", "-PT0S", "-0ms"})
  void rejectsNegativeDurationsQuotingThem(String text) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parseNanos(text));
    assertEquals("'" + text + "' is negative; a duration must be zero or more", e.getMessage());
  }

  @ParameterizedTest(name = "\"{0}\" is too long")
  @ValueSource(strings = {"9999999999999h", "2562048h", "9223372036854775808ns", "99999999999999999999s",
      "9223372036854776us", "PT9999999999999H", "P106752D"})
  void rejectsDurationsBeyondLongMaxValueQuotingThem(String text) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parseNanos(text));
    assertEquals("'" + text + "' is too long; a duration is at most about 292 years", e.getMessage());
  }

  @ParameterizedTest(name = "{0}ns formats as \"{1}\"")
  @CsvSource({
      "0, 0ms",
      "1, 1ns",
      "999, 999ns",
      "1000, 1us",
      "1001000, 1001us",
      "1500000, 1500us",
      "250000000, 250ms",
      "1500000000, 1500ms",
      "2000000000, 2s",
      "90000000000, 90s",
      "120000000000, 2m",
      "5400000000000, 90m",
      "3600000000000, 1h",
      "86400000000000, 24h",
      "9223372036854775807, 9223372036854775807ns",
      "9223369200000000000, 2562047h",
  })
  void formatsWithTheLargestExactUnit(long nanos, String text) {
    assertEquals(text, Durations.format(nanos));
  }

  @ParameterizedTest(name = "\"{0}\" formats back as \"{1}\"")
  @CsvSource({
      "1500ms, 1500ms",
      "2000ms, 2s",
      "90s, 90s",
      "60s, 1m",
      "3600s, 1h",
      "1000us, 1ms",
      "1000000ns, 1ms",
      "PT1.5S, 1500ms",
      "PT0S, 0ms",
      "P1D, 24h",
      "0ms, 0ms",
  })
  void formatOfParsePicksTheLargestExactUnit(String text, String formatted) {
    assertEquals(formatted, Durations.format(Durations.parseNanos(text)));
  }

  @Test
  void parseOfFormatRoundTrips() {
    LongStream fixed = LongStream.of(0, 1, 2, 999, 1_000, 1_001, 999_999, 1_000_000, 123_456_789, 1_000_000_000,
        59_000_000_000L, 60_000_000_000L, 61_000_000_000L, 3_600_000_000_000L, 7_200_000_000_001L,
        9_223_369_200_000_000_000L, Long.MAX_VALUE - 1, Long.MAX_VALUE);
    Random random = new Random(42);
    LongStream sampled = LongStream.generate(() -> random.nextLong() & Long.MAX_VALUE).limit(2_000);
    LongStream scaled = LongStream.range(0, 2_000).map(i -> i * 1_000_000L * (i % 7 == 0 ? 60_000 : 1));
    LongStream.concat(fixed, LongStream.concat(sampled, scaled)).forEach(n ->
        assertEquals(n, Durations.parseNanos(Durations.format(n)), () -> n + "ns formatted as " + Durations.format(n)));
  }

  @ParameterizedTest(name = "format({0}) is rejected")
  @ValueSource(longs = {-1, -1_000_000_000, Long.MIN_VALUE})
  void formatRejectsNegatives(long nanos) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.format(nanos));
    assertEquals("duration must not be negative, was " + nanos + "ns", e.getMessage());
  }
}
