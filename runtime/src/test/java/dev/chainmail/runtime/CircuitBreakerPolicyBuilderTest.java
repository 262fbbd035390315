package dev.chainmail.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainmail.runtime.CircuitBreakerPolicy.WindowType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CircuitBreakerPolicyBuilderTest {

  private static final String METHOD = "p.X/m";
  private static final long MS = 1_000_000L;
  private static final long S = 1_000_000_000L;

  private static ChainmailContext context(Map<String, String> config) {
    return ChainmailContext.builder().config(ChainmailConfig.of(config)).build();
  }

  private static ChainmailContext plain() {
    return ChainmailContext.builder().build();
  }

  private static void assertRejected(Runnable call, String message) {
    ConfigurationException e = assertThrows(ConfigurationException.class, call::run);
    assertEquals(message, e.getMessage());
  }

  @Test
  void defaultsAreThoseOfTheAnnotation() {
    CircuitBreakerPolicy breaker = CircuitBreakerPolicy.builder(METHOD).build(plain());
    assertEquals(METHOD, breaker.method());
    assertEquals("", breaker.name());
    assertEquals(20, breaker.requestVolumeThreshold());
    assertEquals(0.5, breaker.failureRatio());
    assertEquals(5 * S, breaker.delayNanos());
    assertEquals(1, breaker.successThreshold());
    assertEquals(WindowType.COUNT, breaker.windowType());
    assertEquals(20, breaker.minimumCalls());
    assertEquals(CircuitBreakerPolicy.NO_LIMIT, breaker.slowCallThresholdNanos());
    assertEquals(Long.MAX_VALUE, CircuitBreakerPolicy.NO_LIMIT);
    assertEquals(1.0, breaker.slowCallRatio());
    assertEquals(CircuitBreakerPolicy.State.CLOSED, breaker.state());
  }

  @Test
  void keepsEverySetValue() {
    CircuitBreakerPolicy breaker = CircuitBreakerPolicy.builder(METHOD).requestVolumeThreshold(7).failureRatio(0.25)
        .delay("750ms").successThreshold(3).windowType(WindowType.TIME).minimumCalls(4).slowCallThreshold("2s")
        .slowCallRatio(0.8).name("llm").build(plain());
    assertEquals(7, breaker.requestVolumeThreshold());
    assertEquals(0.25, breaker.failureRatio());
    assertEquals(750 * MS, breaker.delayNanos());
    assertEquals(3, breaker.successThreshold());
    assertEquals(WindowType.TIME, breaker.windowType());
    assertEquals(4, breaker.minimumCalls());
    assertEquals(2 * S, breaker.slowCallThresholdNanos());
    assertEquals(0.8, breaker.slowCallRatio());
    assertEquals("llm", breaker.name());
    assertEquals(METHOD, breaker.method());
  }

  @Test
  void acceptsBoundaryValues() {
    CircuitBreakerPolicy breaker = CircuitBreakerPolicy.builder(METHOD).requestVolumeThreshold(1).failureRatio(1.0)
        .delayNanos(0).successThreshold(1).minimumCalls(1).slowCallThresholdNanos(1).slowCallRatio(1.0)
        .build(plain());
    assertEquals(1, breaker.requestVolumeThreshold());
    assertEquals(0L, breaker.delayNanos());
    assertEquals(1L, breaker.slowCallThresholdNanos());
    assertEquals(Double.MIN_VALUE,
        CircuitBreakerPolicy.builder(METHOD).failureRatio(Double.MIN_VALUE).build(plain()).failureRatio());
  }

  @Test
  void rejectsNulls() {
    assertEquals("method",
        assertThrows(NullPointerException.class, () -> CircuitBreakerPolicy.builder(null)).getMessage());
    CircuitBreakerPolicy.Builder builder = CircuitBreakerPolicy.builder(METHOD);
    assertEquals("context", assertThrows(NullPointerException.class, () -> builder.build(null)).getMessage());
    assertEquals("windowType", assertThrows(NullPointerException.class, () -> builder.windowType(null))
        .getMessage());
    assertRejected(() -> builder.name(null), METHOD + ": name is null; use \"\" for a guard of this method alone");
    assertRejected(() -> builder.delay(null), METHOD + ": delay is null; a duration is required");
  }

  @ParameterizedTest(name = "{0}({1})")
  @CsvSource({
      "requestVolumeThreshold, 0",
      "requestVolumeThreshold, -3",
      "successThreshold, 0",
      "minimumCalls, 0",
      "minimumCalls, -2147483648",
  })
  void countsMustBeAtLeastOne(String attribute, int value) {
    CircuitBreakerPolicy.Builder builder = CircuitBreakerPolicy.builder(METHOD);
    Runnable call;
    if (attribute.equals("requestVolumeThreshold")) {
      call = () -> builder.requestVolumeThreshold(value);
    } else if (attribute.equals("successThreshold")) {
      call = () -> builder.successThreshold(value);
    } else {
      call = () -> builder.minimumCalls(value);
    }
    assertRejected(call, METHOD + ": " + attribute + " must be at least 1, was " + value);
  }

  @ParameterizedTest(name = "ratio {0}")
  @ValueSource(doubles = {0.0, -0.5, 1.0001, 2.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
  void ratiosMustBeInZeroExclusiveToOne(double value) {
    assertRejected(() -> CircuitBreakerPolicy.builder(METHOD).failureRatio(value),
        METHOD + ": failureRatio must be in (0, 1], was " + value);
    assertRejected(() -> CircuitBreakerPolicy.builder(METHOD).slowCallRatio(value),
        METHOD + ": slowCallRatio must be in (0, 1], was " + value);
  }

  @Test
  void durationsAreChecked() {
    assertRejected(() -> CircuitBreakerPolicy.builder(METHOD).delayNanos(-1),
        METHOD + ": delay must not be negative, was -1ns");
    assertRejected(() -> CircuitBreakerPolicy.builder(METHOD).slowCallThresholdNanos(0),
        METHOD + ": slowCallThreshold must be positive, was 0ns");
    assertRejected(() -> CircuitBreakerPolicy.builder(METHOD).slowCallThreshold("0ms"),
        METHOD + ": slowCallThreshold must be positive, was 0ns");
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> CircuitBreakerPolicy.builder(METHOD).delay("soon"));
    assertTrue(e.getMessage().startsWith(METHOD + ": delay 'soon' is not a duration: "), e.getMessage());
    assertInstanceOf(IllegalArgumentException.class, e.getCause());
  }

  @Test
  void rejectedValueLeavesThePreviousOne() {
    CircuitBreakerPolicy.Builder builder = CircuitBreakerPolicy.builder(METHOD).failureRatio(0.3);
    assertThrows(ConfigurationException.class, () -> builder.failureRatio(3));
    assertEquals(0.3, builder.build(plain()).failureRatio());
  }

  @Test
  void overridesEveryKey() {
    Map<String, String> config = Map.of(
        "p.X/m/CircuitBreaker/requestVolumeThreshold", " 40 ",
        "p.X/m/CircuitBreaker/failureRatio", "0.75",
        "p.X/m/CircuitBreaker/delay", "PT30S",
        "p.X/m/CircuitBreaker/successThreshold", "2",
        "p.X/m/CircuitBreaker/windowType", "TIME",
        "p.X/m/CircuitBreaker/minimumCalls", "8",
        "p.X/m/CircuitBreaker/slowCallThreshold", "3s",
        "p.X/m/CircuitBreaker/slowCallRatio", "0.5");
    CircuitBreakerPolicy breaker = CircuitBreakerPolicy.builder(METHOD).slowCallThreshold("1s")
        .build(context(config));
    assertEquals(40, breaker.requestVolumeThreshold());
    assertEquals(0.75, breaker.failureRatio());
    assertEquals(30 * S, breaker.delayNanos());
    assertEquals(2, breaker.successThreshold());
    assertEquals(WindowType.TIME, breaker.windowType());
    assertEquals(8, breaker.minimumCalls());
    assertEquals(3 * S, breaker.slowCallThresholdNanos());
    assertEquals(0.5, breaker.slowCallRatio());
  }

  @Test
  void windowTypeOverrideTakesCount() {
    CircuitBreakerPolicy breaker = CircuitBreakerPolicy.builder(METHOD).windowType(WindowType.TIME)
        .build(context(Map.of("p.X/m/CircuitBreaker/windowType", "COUNT")));
    assertEquals(WindowType.COUNT, breaker.windowType());
  }

  @Test
  void ignoresKeysOfOtherMethodsAndGuards() {
    Map<String, String> config = Map.of(
        "p.X/other/CircuitBreaker/failureRatio", "0.9",
        "p.X/m/Retry/failureRatio", "0.9",
        "p.X/m/circuitbreaker/failureRatio", "0.9");
    assertEquals(0.5, CircuitBreakerPolicy.builder(METHOD).build(context(config)).failureRatio());
  }

  @ParameterizedTest(name = "{0} = ''{1}''")
  @CsvSource(delimiter = '|', value = {
      "requestVolumeThreshold | 0 | must be at least 1, was 0",
      "requestVolumeThreshold | many | 'many' is not a whole number",
      "failureRatio | 0 | must be in (0, 1], was 0.0",
      "failureRatio | half | 'half' is not a number",
      "delay | -1s | is negative",
      "delay | 5 | is not a duration",
      "successThreshold | 1.5 | '1.5' is not a whole number",
      "windowType | count | 'count' is not a window type; use COUNT or TIME",
      "windowType | SLIDING | 'SLIDING' is not a window type; use COUNT or TIME",
      "minimumCalls | -1 | must be at least 1, was -1",
      "slowCallThreshold | 0s | must be positive, was 0ns",
      "slowCallRatio | 1.5 | must be in (0, 1], was 1.5",
  })
  void badOverrideNamesTheKeyAndValue(String attribute, String value, String reason) {
    String key = METHOD + "/CircuitBreaker/" + attribute;
    CircuitBreakerPolicy.Builder builder = CircuitBreakerPolicy.builder(METHOD).slowCallThreshold("1s");
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> builder.build(context(Map.of(key, value))));
    assertTrue(e.getMessage().startsWith("config key " + key + " = '" + value + "' is invalid: "), e.getMessage());
    assertTrue(e.getMessage().contains(reason), e.getMessage());
    assertTrue(e.getMessage().endsWith(e.getCause().getMessage()), e.getMessage());
  }

  @Test
  void rejectsSlowCallThresholdOverrideWhenTheAnnotationDeclaresNone() {
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> CircuitBreakerPolicy.builder(METHOD)
            .build(context(Map.of("p.X/m/CircuitBreaker/slowCallThreshold", "2s"))));
    assertEquals("config key p.X/m/CircuitBreaker/slowCallThreshold = '2s' is invalid: the @CircuitBreaker on "
        + "p.X/m declares no slowCallThreshold, so the proxy does not time its calls; declare a slowCallThreshold "
        + "in the annotation to make it configurable", e.getMessage());
  }

  @Test
  void buildDoesNotChangeTheBuilder() {
    CircuitBreakerPolicy.Builder builder = CircuitBreakerPolicy.builder(METHOD).failureRatio(0.4);
    assertEquals(0.9, builder.build(context(Map.of("p.X/m/CircuitBreaker/failureRatio", "0.9"))).failureRatio());
    assertEquals(0.4, builder.build(plain()).failureRatio());
  }

  @Test
  void toStringListsEveryAttribute() {
    assertEquals("CircuitBreakerPolicy[p.X/m: requestVolumeThreshold=20, failureRatio=0.5, delay=5s, "
        + "successThreshold=1, window=COUNT, minimumCalls=20, slowCallThreshold=none, slowCallRatio=1.0]",
        CircuitBreakerPolicy.builder(METHOD).build(plain()).toString());
    assertEquals("CircuitBreakerPolicy[llm: requestVolumeThreshold=10, failureRatio=0.25, delay=1500ms, "
        + "successThreshold=2, window=TIME, minimumCalls=5, slowCallThreshold=2s, slowCallRatio=0.75]",
        CircuitBreakerPolicy.builder(METHOD).name("llm").requestVolumeThreshold(10).failureRatio(0.25)
            .delay("1500ms").successThreshold(2).windowType(WindowType.TIME).minimumCalls(5)
            .slowCallThreshold("2s").slowCallRatio(0.75).build(plain()).toString());
  }
}
