package dev.chainmail.runtime.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainmail.runtime.ChainmailConfig;
import dev.chainmail.runtime.ChainmailContext;
import dev.chainmail.runtime.ConfigurationException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A durable step's config keys: {@code onMismatch} and {@code atMostOnce} override; the rest is fixed. */
class StepPolicyConfigTest {

  private static final String METHOD = "com.example.ReportChain/search";

  private static StepPolicy step(Map<String, String> config) {
    return StepPolicy.of(METHOD, "search", false, false,
        ChainmailContext.builder().config(ChainmailConfig.of(config)).build());
  }

  @Test
  void withoutKeysTheAnnotationHolds() {
    StepPolicy step = step(Map.of());
    assertEquals("search", step.name());
    assertFalse(step.rerunOnMismatch());
    assertFalse(step.atMostOnce());
  }

  @Test
  void theMethodsKeysWinOverTheKeysForEveryStep() {
    StepPolicy step = step(Map.of(METHOD + "/Checkpoint/onMismatch", "RERUN", "Checkpoint/onMismatch", "FAIL",
        "Checkpoint/atMostOnce", "true"));
    assertTrue(step.rerunOnMismatch());
    assertTrue(step.atMostOnce());
  }

  @Test
  void aBadValueNamesTheKey() {
    ConfigurationException mismatch = assertThrows(ConfigurationException.class,
        () -> step(Map.of(METHOD + "/Checkpoint/onMismatch", "IGNORE")));
    assertEquals("config key " + METHOD + "/Checkpoint/onMismatch = 'IGNORE' is invalid: 'IGNORE' is neither FAIL "
        + "nor RERUN", mismatch.getMessage());
    ConfigurationException once = assertThrows(ConfigurationException.class,
        () -> step(Map.of("Checkpoint/atMostOnce", "maybe")));
    assertEquals("config key Checkpoint/atMostOnce = 'maybe' is invalid: 'maybe' is neither true nor false",
        once.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"name", "codec", "enabled"})
  void theNameTheCodecAndEnabledAreFixed(String attribute) {
    ConfigurationException fixed = assertThrows(ConfigurationException.class,
        () -> step(Map.of(METHOD + "/Checkpoint/" + attribute, "x")));
    assertTrue(fixed.getMessage().startsWith("config key " + METHOD + "/Checkpoint/" + attribute + " = 'x' is "
        + "invalid: " + attribute), fixed.getMessage());
    assertTrue(fixed.getMessage().contains("cannot be overridden"), fixed.getMessage());
  }

  @Test
  void nullArgumentsAreRefused() {
    ChainmailContext context = ChainmailContext.builder().build();
    assertEquals("method", assertThrows(NullPointerException.class,
        () -> StepPolicy.of(null, "search", false, false, context)).getMessage());
    assertEquals("context", assertThrows(NullPointerException.class,
        () -> StepPolicy.of(METHOD, "search", false, false, null)).getMessage());
  }
}
