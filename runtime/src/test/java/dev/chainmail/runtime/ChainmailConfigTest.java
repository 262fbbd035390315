package dev.chainmail.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
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

  /** Prints what {@link ChainmailConfig#defaults()} reads for each key given, one line each; run by the test below. */
  public static final class DefaultsProbe {
    public static void main(String[] keys) {
      for (String key : keys) {
        System.out.println(key + "=" + ChainmailConfig.defaults().value(key).orElse("<unset>"));
      }
    }
  }

  /**
   * Environment variables cannot be set in a running JVM, so a child JVM gets them: the exact name, the name with
   * every other character replaced by {@code _}, and that in upper case, as MicroProfile Config looks them up; and
   * a system property wins over all of them.
   */
  @Test
  void defaultsReadSystemPropertiesThenEnvironmentVariables() throws Exception {
    ProcessBuilder child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "-Dp.X/c/Retry/delay=3s", DefaultsProbe.class.getName(),
        "p.X/a/Retry/maxAttempts", "p.X/b/Retry/maxAttempts", "p.X/c/Retry/delay", "p.X/d/Retry/jitter",
        "p.X/e/Retry/jitter");
    child.environment().put("p_X_a_Retry_maxAttempts", "7");
    child.environment().put("P_X_B_RETRY_MAXATTEMPTS", "8");
    child.environment().put("P_X_C_RETRY_DELAY", "9s");
    child.environment().put("P_X_D_RETRY_JITTER", "0.5");
    child.environment().put("p_X_d_Retry_jitter", "0.25");
    child.redirectErrorStream(true);
    Process process = child.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.waitFor(), output);
    assertEquals(List.of("p.X/a/Retry/maxAttempts=7", "p.X/b/Retry/maxAttempts=8", "p.X/c/Retry/delay=3s",
        "p.X/d/Retry/jitter=0.25", "p.X/e/Retry/jitter=<unset>"), output.lines().toList());
  }

  @Test
  void orElseAsksTheSecondOnlyForKeysTheFirstDoesNotSet() {
    ChainmailConfig config = ChainmailConfig.of(Map.of("a", "1")).orElse(ChainmailConfig.of(Map.of("a", "2",
        "b", "3")));
    assertEquals(Optional.of("1"), config.value("a"));
    assertEquals(Optional.of("3"), config.value("b"));
    assertEquals(Optional.empty(), config.value("c"));
    assertThrows(NullPointerException.class, () -> ChainmailConfig.empty().orElse(null));
  }

  @Test
  void theDefaultContextReadsTheDefaults() {
    String key = "p.X/" + UUID.randomUUID() + "/Retry/maxAttempts";
    System.setProperty(key, "4");
    try {
      assertEquals(Optional.of("4"), ChainmailContext.defaults().config().value(key));
    } finally {
      System.clearProperty(key);
    }
  }
}
