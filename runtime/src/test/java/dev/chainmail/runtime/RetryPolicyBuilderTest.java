package dev.chainmail.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryPolicyBuilderTest {

  private static final String METHOD = "p.X/m";
  private static final long MS = 1_000_000L;
  private static final long S = 1_000_000_000L;

  private static ChainmailContext context(Map<String, String> config) {
    return ChainmailContext.builder().config(ChainmailConfig.of(config)).build();
  }

  private static ChainmailContext plain() {
    return ChainmailContext.builder().build();
  }

  private static void assertRejected(Runnable call, String... fragments) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
    for (String fragment : fragments) {
      assertTrue(e.getMessage().contains(fragment), () -> "'" + fragment + "' not in: " + e.getMessage());
    }
  }

  @Test
  void defaultsAreThoseOfRetryAnnotation() {
    RetryPolicy policy = RetryPolicy.builder(METHOD).build(plain());
    assertEquals(METHOD, policy.method());
    assertEquals(3, policy.maxAttempts());
    assertEquals(0L, policy.delayNanos());
    assertEquals(1.0, policy.multiplier());
    assertEquals(RetryPolicy.NO_LIMIT, policy.maxDelayNanos());
    assertEquals(0.0, policy.jitter());
    assertEquals(RetryPolicy.NO_LIMIT, policy.maxDurationNanos());
    assertEquals(Long.MAX_VALUE, RetryPolicy.NO_LIMIT);
  }

  @Test
  void keepsEverySetValue() {
    RetryPolicy policy = RetryPolicy.builder(METHOD).maxAttempts(7).delayNanos(250 * MS).multiplier(1.5)
        .maxDelayNanos(4 * S).jitter(0.2).maxDurationNanos(30 * S).build(plain());
    assertEquals(7, policy.maxAttempts());
    assertEquals(250 * MS, policy.delayNanos());
    assertEquals(1.5, policy.multiplier());
    assertEquals(4 * S, policy.maxDelayNanos());
    assertEquals(0.2, policy.jitter());
    assertEquals(30 * S, policy.maxDurationNanos());
  }

  @Test
  void acceptsBoundaryValues() {
    RetryPolicy policy = RetryPolicy.builder(METHOD).maxAttempts(1).delayNanos(0).multiplier(1.0).maxDelayNanos(0)
        .jitter(1.0).maxDurationNanos(1).build(plain());
    assertEquals(1, policy.maxAttempts());
    assertEquals(0L, policy.maxDelayNanos());
    assertEquals(1.0, policy.jitter());
    assertEquals(1L, policy.maxDurationNanos());
    assertEquals(Double.MAX_VALUE,
        RetryPolicy.builder(METHOD).multiplier(Double.MAX_VALUE).build(plain()).multiplier());
    assertEquals(Integer.MAX_VALUE,
        RetryPolicy.builder(METHOD).maxAttempts(Integer.MAX_VALUE).build(plain()).maxAttempts());
  }

  @Test
  void rejectsNullMethodAndContext() {
    NullPointerException method = assertThrows(NullPointerException.class, () -> RetryPolicy.builder(null));
    assertEquals("method", method.getMessage());
    NullPointerException context =
        assertThrows(NullPointerException.class, () -> RetryPolicy.builder(METHOD).build(null));
    assertEquals("context", context.getMessage());
  }

  @ParameterizedTest(name = "maxAttempts({0})")
  @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
  void maxAttemptsRejectsLessThanOne(int value) {
    assertRejected(() -> RetryPolicy.builder(METHOD).maxAttempts(value),
        METHOD + ": maxAttempts must be at least 1", "was " + value);
  }

  @ParameterizedTest(name = "delayNanos({0})")
  @ValueSource(longs = {-1, -1_000_000, Long.MIN_VALUE})
  void delayRejectsNegatives(long value) {
    assertRejected(() -> RetryPolicy.builder(METHOD).delayNanos(value),
        METHOD + ": delay must not be negative", "was " + value + "ns");
  }

  @ParameterizedTest(name = "maxDelayNanos({0})")
  @ValueSource(longs = {-1, Long.MIN_VALUE})
  void maxDelayRejectsNegatives(long value) {
    assertRejected(() -> RetryPolicy.builder(METHOD).maxDelayNanos(value),
        METHOD + ": maxDelay must not be negative", "was " + value + "ns");
  }

  @ParameterizedTest(name = "multiplier({0})")
  @ValueSource(doubles = {0.5, 0.0, 0.999, -2.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
  void multiplierRejectsBelowOneAndNonFinite(double value) {
    assertRejected(() -> RetryPolicy.builder(METHOD).multiplier(value),
        METHOD + ": multiplier must be a finite number of at least 1.0", "was " + value);
  }

  @ParameterizedTest(name = "jitter({0})")
  @ValueSource(doubles = {-0.1, 1.1, -0.0001, 1.0001, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
  void jitterRejectsOutsideZeroToOne(double value) {
    assertRejected(() -> RetryPolicy.builder(METHOD).jitter(value),
        METHOD + ": jitter must be in [0, 1]", "was " + value);
  }

  @ParameterizedTest(name = "maxDurationNanos({0})")
  @ValueSource(longs = {0, -1, Long.MIN_VALUE})
  void maxDurationRejectsNonPositive(long value) {
    assertRejected(() -> RetryPolicy.builder(METHOD).maxDurationNanos(value),
        METHOD + ": maxDuration must be positive", "was " + value + "ns");
  }

  @Test
  void rejectedValueLeavesThePreviousOne() {
    RetryPolicy.Builder builder = RetryPolicy.builder(METHOD).maxAttempts(5).jitter(0.5);
    assertThrows(IllegalArgumentException.class, () -> builder.maxAttempts(0));
    assertThrows(IllegalArgumentException.class, () -> builder.jitter(2.0));
    RetryPolicy policy = builder.build(plain());
    assertEquals(5, policy.maxAttempts());
    assertEquals(0.5, policy.jitter());
  }

  @Test
  void buildRejectsMaxDelayShorterThanDelay() {
    RetryPolicy.Builder builder = RetryPolicy.builder(METHOD).delayNanos(2 * S).maxDelayNanos(1500 * MS);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> builder.build(plain()));
    assertEquals(METHOD + ": maxDelay (1500ms) must not be shorter than delay (2s)", e.getMessage());
  }

  @Test
  void buildAcceptsMaxDelayEqualToDelay() {
    RetryPolicy policy = RetryPolicy.builder(METHOD).delayNanos(2 * S).maxDelayNanos(2 * S).build(plain());
    assertEquals(2 * S, policy.delayNanos());
    assertEquals(2 * S, policy.maxDelayNanos());
  }

  @Test
  void overridesMaxAttempts() {
    RetryPolicy policy = RetryPolicy.builder(METHOD).build(context(Map.of("p.X/m/Retry/maxAttempts", "5")));
    assertEquals(5, policy.maxAttempts());
  }

  @Test
  void overridesDelay() {
    RetryPolicy policy = RetryPolicy.builder(METHOD).delayNanos(S).build(context(Map.of("p.X/m/Retry/delay", "250ms")));
    assertEquals(250 * MS, policy.delayNanos());
  }

  @Test
  void overridesMultiplier() {
    RetryPolicy policy = RetryPolicy.builder(METHOD).build(context(Map.of("p.X/m/Retry/multiplier", "2.5")));
    assertEquals(2.5, policy.multiplier());
  }

  @Test
  void overridesMaxDelay() {
    RetryPolicy policy = RetryPolicy.builder(METHOD).build(context(Map.of("p.X/m/Retry/maxDelay", "PT2S")));
    assertEquals(2 * S, policy.maxDelayNanos());
  }

  @Test
  void overridesJitter() {
    RetryPolicy policy = RetryPolicy.builder(METHOD).build(context(Map.of("p.X/m/Retry/jitter", "0.25")));
    assertEquals(0.25, policy.jitter());
  }

  @Test
  void overridesMaxDurationTheAnnotationDeclares() {
    RetryPolicy policy = RetryPolicy.builder(METHOD).maxDurationNanos(10 * S)
        .build(context(Map.of("p.X/m/Retry/maxDuration", "30s")));
    assertEquals(30 * S, policy.maxDurationNanos());
  }

  @Test
  void overridesEveryKeyAtOnceAndTrimsValues() {
    Map<String, String> config = Map.of(
        "p.X/m/Retry/maxAttempts", " 6 ",
        "p.X/m/Retry/delay", " 5s ",
        "p.X/m/Retry/multiplier", "\t3\t",
        "p.X/m/Retry/maxDelay", " 1m",
        "p.X/m/Retry/jitter", "1 ",
        "p.X/m/Retry/maxDuration", " 1h ");
    RetryPolicy policy = RetryPolicy.builder(METHOD).delayNanos(S).maxDelayNanos(2 * S).maxDurationNanos(S)
        .build(context(config));
    assertEquals(6, policy.maxAttempts());
    assertEquals(5 * S, policy.delayNanos());
    assertEquals(3.0, policy.multiplier());
    assertEquals(60 * S, policy.maxDelayNanos());
    assertEquals(1.0, policy.jitter());
    assertEquals(3_600 * S, policy.maxDurationNanos());
  }

  @Test
  void ignoresKeysOfOtherMethodsAndOtherSpellings() {
    Map<String, String> config = Map.of(
        "p.X/other/Retry/maxAttempts", "9",
        "p.X/m/Retry/maxattempts", "9",
        "p.X/m/maxAttempts", "9",
        "p.X/m/Retry/delay/", "9s",
        "p.Y/m/Retry/jitter", "0.5",
        "X/m/Retry/multiplier", "4");
    RetryPolicy policy = RetryPolicy.builder(METHOD).build(context(config));
    assertEquals(3, policy.maxAttempts());
    assertEquals(0L, policy.delayNanos());
    assertEquals(1.0, policy.multiplier());
    assertEquals(0.0, policy.jitter());
  }

  @ParameterizedTest(name = "{0} = ''{1}''")
  @CsvSource(delimiter = '|', value = {
      "maxAttempts | five",
      "maxAttempts | 0",
      "maxAttempts | 5.0",
      "maxAttempts | ''",
      "delay | fast",
      "delay | -5ms",
      "delay | 10",
      "multiplier | x",
      "multiplier | 0.5",
      "multiplier | NaN",
      "multiplier | Infinity",
      "maxDelay | 1 sec",
      "maxDelay | -PT1S",
      "jitter | 2",
      "jitter | NaN",
      "jitter | half",
      "maxDuration | 0s",
      "maxDuration | soon",
  })
  void badOverrideNamesTheKeyAndValue(String attribute, String value) {
    String key = METHOD + "/Retry/" + attribute;
    RetryPolicy.Builder builder = RetryPolicy.builder(METHOD).maxDurationNanos(10 * S);
    ChainmailContext context = context(Map.of(key, value));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> builder.build(context));
    assertTrue(e.getMessage().startsWith("config key " + key + " = '" + value + "' is invalid: "), e.getMessage());
    assertNotNull(e.getCause());
    assertTrue(e.getMessage().endsWith(e.getCause().getMessage()), e.getMessage());
  }

  @Test
  void badOverridesAndMaxDelayShorterThanDelayAreConfigurationExceptions() {
    ConfigurationException override = assertThrows(ConfigurationException.class,
        () -> RetryPolicy.builder(METHOD).build(context(Map.of("p.X/m/Retry/maxAttempts", "0"))));
    assertTrue(override.getMessage().startsWith("config key p.X/m/Retry/maxAttempts = '0' is invalid: "));
    ConfigurationException maxDelay = assertThrows(ConfigurationException.class,
        () -> RetryPolicy.builder(METHOD).delayNanos(2 * S).maxDelayNanos(S).build(plain()));
    assertEquals(METHOD + ": maxDelay (1s) must not be shorter than delay (2s)", maxDelay.getMessage());
    assertThrows(ConfigurationException.class, () -> RetryPolicy.builder(METHOD).maxAttempts(0));
    assertThrows(ConfigurationException.class,
        () -> RetryPolicy.builder(METHOD).build(context(Map.of("p.X/m/Retry/maxDuration", "1s"))));
  }

  @Test
  void badNumberOverrideSaysWhatIsExpected() {
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> RetryPolicy.builder(METHOD).build(context(Map.of("p.X/m/Retry/jitter", "half"))));
    assertEquals("config key p.X/m/Retry/jitter = 'half' is invalid: 'half' is not a number", e.getMessage());
  }

  @Test
  void badDurationOverrideCarriesTheParserMessage() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RetryPolicy.builder(METHOD).build(context(Map.of("p.X/m/Retry/delay", "-5ms"))));
    assertEquals("config key p.X/m/Retry/delay = '-5ms' is invalid: '-5ms' is negative; a duration must be zero "
        + "or more", e.getMessage());
  }

  @Test
  void rejectsMaxDurationOverrideWhenTheAnnotationDeclaresNone() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RetryPolicy.builder(METHOD).build(context(Map.of("p.X/m/Retry/maxDuration", "30s"))));
    assertTrue(e.getMessage().startsWith("config key p.X/m/Retry/maxDuration = '30s' is invalid: "), e.getMessage());
    assertTrue(e.getMessage().contains("the @Retry on p.X/m declares no maxDuration"), e.getMessage());
  }

  @Test
  void overriddenMaxDelayShorterThanDelayIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RetryPolicy.builder(METHOD).delayNanos(S).build(context(Map.of("p.X/m/Retry/maxDelay", "500ms"))));
    assertEquals(METHOD + ": maxDelay (500ms) must not be shorter than delay (1s)", e.getMessage());
  }

  @Test
  void overriddenDelayLongerThanMaxDelayIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RetryPolicy.builder(METHOD).maxDelayNanos(2 * S).build(context(Map.of("p.X/m/Retry/delay", "3s"))));
    assertEquals(METHOD + ": maxDelay (2s) must not be shorter than delay (3s)", e.getMessage());
  }

  @Test
  void delayAndMaxDelayOverridesAreCheckedTogether() {
    Map<String, String> config = Map.of("p.X/m/Retry/delay", "5s", "p.X/m/Retry/maxDelay", "10s");
    RetryPolicy policy = RetryPolicy.builder(METHOD).delayNanos(S).maxDelayNanos(2 * S).build(context(config));
    assertEquals(5 * S, policy.delayNanos());
    assertEquals(10 * S, policy.maxDelayNanos());
  }

  @Test
  void readsConfigFromTheContextPassedToBuild() {
    Map<String, String> values = new HashMap<>();
    values.put("p.X/m/Retry/maxAttempts", "4");
    ChainmailContext context = context(values);
    values.put("p.X/m/Retry/maxAttempts", "8");
    assertEquals(4, RetryPolicy.builder(METHOD).build(context).maxAttempts());
  }

  @Test
  void buildDoesNotChangeTheBuilder() {
    RetryPolicy.Builder builder = RetryPolicy.builder(METHOD).maxAttempts(3).delayNanos(S);
    RetryPolicy overridden = builder.build(context(Map.of("p.X/m/Retry/maxAttempts", "5",
        "p.X/m/Retry/delay", "2s")));
    assertEquals(5, overridden.maxAttempts());
    RetryPolicy plain = builder.build(plain());
    assertEquals(3, plain.maxAttempts());
    assertEquals(S, plain.delayNanos());
  }

  @Test
  void toStringShowsEveryValue() {
    RetryPolicy policy = RetryPolicy.builder(METHOD).maxAttempts(4).delayNanos(1500 * MS).multiplier(2)
        .maxDelayNanos(60 * S).jitter(0.25).maxDurationNanos(3_600 * S).build(plain());
    assertEquals("RetryPolicy[p.X/m: maxAttempts=4, delay=1500ms, multiplier=2.0, maxDelay=1m, jitter=0.25, "
        + "maxDuration=1h]", policy.toString());
  }

  @Test
  void toStringShowsNoLimitsAsNone() {
    RetryPolicy policy = RetryPolicy.builder(METHOD).delayNanos(2 * S).build(plain());
    assertEquals("RetryPolicy[p.X/m: maxAttempts=3, delay=2s, multiplier=1.0, maxDelay=none, jitter=0.0, "
        + "maxDuration=none]", policy.toString());
  }
}
