package dev.chainmail.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Config overrides of {@code @Replicated}: the set's detection by the type's keys, a method's weights and switch. */
class ReplicaConfigTest {

  private static final String CHAIN = "com.example.Outer$Answerer";
  private static final String METHOD = CHAIN + "/answer";
  private static final long S = 1_000_000_000L;

  private final VirtualTime time = new VirtualTime();

  private ChainmailContext context(Map<String, String> values) {
    return ChainmailContext.builder().clock(time).random(() -> 0.5).config(ChainmailConfig.of(values)).build();
  }

  private ReplicaSet<String> set(Map<String, String> values, int size) {
    ReplicaDetection detection = ReplicaDetection.builder(CHAIN).ejectAfter(3).build();
    List<String> replicas = List.of("r0", "r1", "r2", "r3").subList(0, size);
    return ReplicaSet.of(context(values), detection, replicas);
  }

  @Test
  void theTypesKeysOverrideTheDetectionAndWinOverEveryUse() {
    ReplicaDetection detection = set(Map.of(
        CHAIN + "/Replicated/ejectAfter", "7",
        "Replicated/ejectAfter", "9",
        "Replicated/ejectFor", "2s",
        CHAIN + "/Replicated/maxEjectFor", "20s",
        "Replicated/maxEjectedPercent", "75"), 3).detection();
    assertEquals(7, detection.ejectAfter());
    assertEquals(2 * S, detection.ejectForNanos());
    assertEquals(20 * S, detection.maxEjectForNanos());
    assertEquals(75, detection.maxEjectedPercent());
    assertEquals(3, set(Map.of(), 3).detection().ejectAfter(), "without keys, the annotation's values");
  }

  @Test
  void anOverriddenEjectAfterDecidesWhenAReplicaIsEjected() {
    ReplicaSet<String> set = set(Map.of("Replicated/ejectAfter", "1"), 3);
    set.failed(0, METHOD, new IOException("down"));
    assertTrue(set.health().get(0).ejected());
  }

  @Test
  void aBadDetectionValueFailsTheSetNamingTheKey() {
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> set(Map.of(CHAIN + "/Replicated/ejectAfter", "0"), 3));
    assertTrue(e.getMessage().startsWith("config key " + CHAIN + "/Replicated/ejectAfter = '0' is invalid: "),
        e.getMessage());
    ConfigurationException order = assertThrows(ConfigurationException.class,
        () -> set(Map.of("Replicated/maxEjectFor", "1s"), 3));
    assertTrue(order.getMessage().contains("maxEjectFor must be at least ejectFor"), order.getMessage());
  }

  @Test
  void aMethodsKeyForADetectionKnobIsRejectedWithTheKeyToUse() {
    ReplicaSet<String> set = set(Map.of(METHOD + "/Replicated/ejectAfter", "2"), 3);
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> ReplicaPolicy.builder(METHOD, ReplicaStrategy.FAILOVER).build(set));
    assertEquals("config key " + METHOD + "/Replicated/ejectAfter = '2' is invalid: ejectAfter belongs to the"
        + " replica set, which every replicated method shares; set " + CHAIN + "/Replicated/ejectAfter instead",
        e.getMessage());
  }

  @Test
  void weightsCanBeOverriddenAndAreCheckedAgainstTheReplicas() {
    ReplicaSet<String> set = set(Map.of(METHOD + "/Replicated/weights", "0, 1, 0"), 3);
    ConfigurationException zero = assertThrows(ConfigurationException.class,
        () -> ReplicaPolicy.builder(METHOD, ReplicaStrategy.WEIGHTED).weights(1, 1, 1).build(set));
    assertTrue(zero.getMessage().startsWith("config key " + METHOD + "/Replicated/weights = '0, 1, 0' is invalid: "),
        zero.getMessage());
    ReplicaSet<String> heavy = set(Map.of("Replicated/weights", "3,1,1"), 3);
    ReplicaPolicy policy = ReplicaPolicy.builder(METHOD, ReplicaStrategy.WEIGHTED).weights(1, 1, 1).build(heavy);
    int[] counts = new int[3];
    for (int i = 0; i < 50; i++) {
      counts[policy.first()]++;
    }
    assertEquals(List.of(30, 10, 10), List.of(counts[0], counts[1], counts[2]));
    ReplicaSet<String> two = set(Map.of("Replicated/weights", "3,1"), 3);
    ConfigurationException count = assertThrows(ConfigurationException.class,
        () -> ReplicaPolicy.builder(METHOD, ReplicaStrategy.WEIGHTED).weights(1, 1, 1).build(two));
    assertTrue(count.getMessage().contains("2 weights [3, 1] were given for 3 replicas"), count.getMessage());
  }

  @Test
  void theStrategyAndTheFailureClassesAreFixed() {
    for (String attribute : List.of("strategy", "failOn", "skipOn")) {
      ReplicaSet<String> set = set(Map.of("Replicated/" + attribute, "x"), 3);
      ConfigurationException e = assertThrows(ConfigurationException.class,
          () -> ReplicaPolicy.builder(METHOD, ReplicaStrategy.ROUND_ROBIN).build(set));
      assertTrue(e.getMessage().contains(attribute + " ") && e.getMessage().endsWith("so it cannot be overridden;"
          + " change the annotation and rebuild"), e.getMessage());
    }
  }

  @Test
  void turnedOffEveryCallStaysOnThePrimaryAndNeverFailsOver() {
    ReplicaSet<String> set = set(Map.of(CHAIN + "/Replicated/enabled", "false"), 3);
    ReplicaPolicy typeLevel = ReplicaPolicy.builder(METHOD, ReplicaStrategy.ROUND_ROBIN).declaredOnType().build(set);
    assertEquals(List.of(0, 0, 0), List.of(typeLevel.first(), typeLevel.first(), typeLevel.first()));
    assertEquals(-1, typeLevel.next(0b1));
    for (int i = 0; i < 3; i++) {
      set.failed(0, METHOD, new IOException("down"));
    }
    assertTrue(set.health().get(0).ejected());
    assertEquals(0, typeLevel.first(), "still the primary, ejected or not");
    ReplicaPolicy own = ReplicaPolicy.builder(METHOD, ReplicaStrategy.ROUND_ROBIN).build(set);
    assertEquals(1, own.first(), "a method's own @Replicated is not the type's: it stays on, and skips the ejected");
  }
}
