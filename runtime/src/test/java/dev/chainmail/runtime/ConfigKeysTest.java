package dev.chainmail.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainmail.runtime.internal.ConfigOverrides;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** MicroProfile's three levels of config keys, the most specific winning, as every policy builder applies them. */
class ConfigKeysTest {

  private static final String METHOD = "com.example.Outer$Chain/answer";

  private static ChainmailContext context(Map<String, String> values) {
    return ChainmailContext.builder().config(ChainmailConfig.of(values)).build();
  }

  private static int maxAttempts(RetryPolicy.Builder builder, Map<String, String> values) {
    return builder.build(context(values)).maxAttempts();
  }

  @Test
  void theMethodsKeyWinsOverTheTypesWhichWinsOverEveryUse() {
    Map<String, String> all = Map.of(
        METHOD + "/Retry/maxAttempts", "7",
        "com.example.Outer$Chain/Retry/maxAttempts", "5",
        "Retry/maxAttempts", "4");
    assertEquals(7, maxAttempts(RetryPolicy.builder(METHOD).declaredOnType(), all));
    assertEquals(7, maxAttempts(RetryPolicy.builder(METHOD), all));
    Map<String, String> typeAndGlobal = Map.of(
        "com.example.Outer$Chain/Retry/maxAttempts", "5",
        "Retry/maxAttempts", "4");
    assertEquals(5, maxAttempts(RetryPolicy.builder(METHOD).declaredOnType(), typeAndGlobal));
    assertEquals(4, maxAttempts(RetryPolicy.builder(METHOD), typeAndGlobal),
        "a type's key overrides only an annotation written on the type");
    assertEquals(4, maxAttempts(RetryPolicy.builder(METHOD), Map.of("Retry/maxAttempts", "4")));
    assertEquals(3, maxAttempts(RetryPolicy.builder(METHOD), Map.of("Timeout/maxAttempts", "4")));
  }

  @Test
  void eachAttributeFindsItsOwnMostSpecificKey() {
    RetryPolicy retry = RetryPolicy.builder(METHOD).declaredOnType().build(context(Map.of(
        METHOD + "/Retry/maxAttempts", "6",
        "com.example.Outer$Chain/Retry/delay", "2s",
        "Retry/multiplier", "3")));
    assertEquals(6, retry.maxAttempts());
    assertEquals(2_000_000_000L, retry.delayNanos());
    assertEquals(3.0, retry.multiplier());
  }

  @Test
  void everyGuardReadsTheThreeLevels() {
    ChainmailContext global = context(Map.of(
        "CircuitBreaker/failureRatio", "0.25",
        "RateLimit/value", "9",
        "Bulkhead/value", "3",
        "Timeout/value", "250ms"));
    assertEquals(0.25, CircuitBreakerPolicy.builder(METHOD).build(global).failureRatio());
    assertEquals(9, RateLimitPolicy.builder(METHOD).permits(1).build(global).permits());
    assertEquals(3, BulkheadPolicy.builder(METHOD).build(global).maxConcurrent());
    assertEquals(250_000_000L, TimeoutPolicy.builder(METHOD).build(global).timeoutNanos());
    ChainmailContext type = context(Map.of("com.example.Outer$Chain/Timeout/value", "2s"));
    assertEquals(2_000_000_000L, TimeoutPolicy.builder(METHOD).declaredOnType().build(type).timeoutNanos());
    assertEquals(1_000_000_000L, TimeoutPolicy.builder(METHOD).build(type).timeoutNanos());
  }

  @Test
  void aBadValueNamesTheWholeKeyThatSetIt() {
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> RetryPolicy.builder(METHOD).declaredOnType()
            .build(context(Map.of("com.example.Outer$Chain/Retry/maxAttempts", "many"))));
    assertEquals("config key com.example.Outer$Chain/Retry/maxAttempts = 'many' is invalid: 'many' is not a whole"
        + " number", e.getMessage());
    ConfigurationException global = assertThrows(ConfigurationException.class,
        () -> BulkheadPolicy.builder(METHOD).build(context(Map.of("Bulkhead/value", "0"))));
    assertTrue(global.getMessage().startsWith("config key Bulkhead/value = '0' is invalid: "), global.getMessage());
  }

  @Test
  void attributesCompiledIntoTheProxyCannotBeOverridden() {
    ConfigurationException retryOn = assertThrows(ConfigurationException.class,
        () -> RetryPolicy.builder(METHOD).build(context(Map.of("Retry/retryOn", "java.io.IOException"))));
    assertEquals("config key Retry/retryOn = 'java.io.IOException' is invalid: retryOn is compiled into the"
        + " proxy's instanceof checks, so it cannot be overridden; change the annotation and rebuild",
        retryOn.getMessage());
    assertThrows(ConfigurationException.class, () -> RetryPolicy.builder(METHOD)
        .build(context(Map.of(METHOD + "/Retry/abortOn", "x"))));
    ConfigurationException failOn = assertThrows(ConfigurationException.class, () -> CircuitBreakerPolicy
        .builder(METHOD).declaredOnType().build(context(Map.of("com.example.Outer$Chain/CircuitBreaker/failOn", "x"))));
    assertTrue(failOn.getMessage().startsWith("config key com.example.Outer$Chain/CircuitBreaker/failOn = 'x'"),
        failOn.getMessage());
    assertThrows(ConfigurationException.class, () -> CircuitBreakerPolicy.builder(METHOD)
        .build(context(Map.of(METHOD + "/CircuitBreaker/skipOn", "x"))));
    ConfigurationException name = assertThrows(ConfigurationException.class, () -> RateLimitPolicy.builder(METHOD)
        .permits(1).build(context(Map.of(METHOD + "/RateLimit/name", "other"))));
    assertTrue(name.getMessage().contains("name decides which methods share one guard"), name.getMessage());
    assertThrows(ConfigurationException.class, () -> BulkheadPolicy.builder(METHOD)
        .build(context(Map.of("Bulkhead/name", "other"))));
  }

  @Test
  void enabledIsTrueUnlessItsMostSpecificKeySaysFalse() {
    assertTrue(ConfigOverrides.enabled(ChainmailConfig.empty(), METHOD, false, "Retry"));
    assertFalse(ConfigOverrides.enabled(ChainmailConfig.of(Map.of("Retry/enabled", "false")), METHOD, false,
        "Retry"));
    assertTrue(ConfigOverrides.enabled(ChainmailConfig.of(Map.of("Retry/enabled", "false",
        METHOD + "/Retry/enabled", "TRUE")), METHOD, false, "Retry"));
    assertFalse(ConfigOverrides.enabled(ChainmailConfig.of(Map.of("com.example.Outer$Chain/Retry/enabled", "false")),
        METHOD, true, "Retry"));
    assertTrue(ConfigOverrides.enabled(ChainmailConfig.of(Map.of("com.example.Outer$Chain/Retry/enabled", "false")),
        METHOD, false, "Retry"));
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> ConfigOverrides.enabled(
        ChainmailConfig.of(Map.of("Retry/enabled", "no")), METHOD, false, "Retry"));
    assertEquals("config key Retry/enabled = 'no' is invalid: 'no' is neither true nor false", e.getMessage());
  }
}
