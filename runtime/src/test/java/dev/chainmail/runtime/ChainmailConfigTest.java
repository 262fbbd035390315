package dev.chainmail.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ChainmailConfigTest {

  @Test
  void emptyHasNoKeys() {
    ChainmailConfig config = ChainmailConfig.empty();
    assertEquals(Optional.empty(), config.value("p.X/m/Retry/maxAttempts"));
    assertEquals(Optional.empty(), config.value(""));
  }

  @Test
  void ofReadsItsMap() {
    ChainmailConfig config = ChainmailConfig.of(Map.of("p.X/m/Retry/maxAttempts", "5", "p.X/m/Retry/delay", "2s"));
    assertEquals(Optional.of("5"), config.value("p.X/m/Retry/maxAttempts"));
    assertEquals(Optional.of("2s"), config.value("p.X/m/Retry/delay"));
    assertEquals(Optional.empty(), config.value("p.X/m/Retry/jitter"));
  }

  @Test
  void ofCopiesItsMap() {
    Map<String, String> values = new HashMap<>();
    values.put("a", "1");
    ChainmailConfig config = ChainmailConfig.of(values);
    values.put("a", "2");
    values.put("b", "3");
    assertEquals(Optional.of("1"), config.value("a"));
    assertEquals(Optional.empty(), config.value("b"));
    values.clear();
    assertEquals(Optional.of("1"), config.value("a"));
  }

  @Test
  void ofRejectsNulls() {
    assertThrows(NullPointerException.class, () -> ChainmailConfig.of(null));
    Map<String, String> nullValue = new HashMap<>();
    nullValue.put("a", null);
    assertThrows(NullPointerException.class, () -> ChainmailConfig.of(nullValue));
    Map<String, String> nullKey = new HashMap<>();
    nullKey.put(null, "1");
    assertThrows(NullPointerException.class, () -> ChainmailConfig.of(nullKey));
  }

  @Test
  void systemPropertiesReadsPropertiesSetAfterItWasMade() {
    String key = "chainmail.test." + UUID.randomUUID() + "/m/Retry/delay";
    ChainmailConfig config = ChainmailConfig.systemProperties();
    assertEquals(Optional.empty(), config.value(key));
    System.setProperty(key, "250ms");
    try {
      assertEquals(Optional.of("250ms"), config.value(key));
      System.setProperty(key, "1s");
      assertEquals(Optional.of("1s"), config.value(key));
    } finally {
      System.clearProperty(key);
    }
    assertEquals(Optional.empty(), config.value(key));
  }

  @Test
  void systemPropertiesOverrideARetryPolicy() {
    String method = "chainmail.test." + UUID.randomUUID().toString().replace("-", "") + ".Chain/answer";
    String key = method + "/Retry/maxAttempts";
    ChainmailContext context = ChainmailContext.builder().config(ChainmailConfig.systemProperties()).build();
    System.setProperty(key, "9");
    try {
      assertEquals(9, RetryPolicy.builder(method).build(context).maxAttempts());
    } finally {
      System.clearProperty(key);
    }
    assertEquals(3, RetryPolicy.builder(method).build(context).maxAttempts());
  }
}
