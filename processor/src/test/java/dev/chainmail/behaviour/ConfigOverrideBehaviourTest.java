package dev.chainmail.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainmail.runtime.ChainmailConfig;
import dev.chainmail.runtime.ChainmailContext;
import dev.chainmail.runtime.VirtualTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Config overrides in the context replace annotation values when the proxy is constructed. */
class ConfigOverrideBehaviourTest {

  private static final long MS = 1_000_000L;
  private static final String FETCH = "dev.chainmail.behaviour.ConfigChain/fetch/Retry/";

  private final VirtualTime time = new VirtualTime();

  private ResilientConfigChain chain(Map<String, String> overrides) {
    return new ResilientConfigChain(ChainmailContext.builder().clock(time).sleeper(time).random(() -> 0.5)
        .config(ChainmailConfig.of(overrides)).build());
  }

  @Test
  void withoutOverridesTheAnnotationDecides() {
    ResilientConfigChain chain = chain(Map.of());
    IllegalStateException[] failures = Failures.numbered(6);
    chain.script.failWith(failures);

    assertSame(failures[1], assertThrows(IllegalStateException.class, chain::fetch));

    assertEquals(2, chain.script.calls());
  }

  @Test
  void aMaxAttemptsOverrideChangesTheNumberOfAttempts() {
    ResilientConfigChain chain = chain(Map.of(FETCH + "maxAttempts", "5"));
    IllegalStateException[] failures = Failures.numbered(6);
    chain.script.failWith(failures);

    assertSame(failures[4], assertThrows(IllegalStateException.class, chain::fetch));

    assertEquals(5, chain.script.calls());
  }

  @Test
  void aMaxAttemptsOverrideAllowsSuccessOnALaterAttempt() {
    ResilientConfigChain chain = chain(Map.of(FETCH + "maxAttempts", "5"));
    chain.script.failWith(Failures.numbered(4));

    assertEquals("fetch#5", chain.fetch());
  }

  @Test
  void anOverrideForOneMethodLeavesTheOthersAlone() {
    ResilientConfigChain chain = chain(Map.of(FETCH + "maxAttempts", "5"));
    IllegalStateException[] failures = Failures.numbered(6);
    chain.script.failWith(failures);

    assertSame(failures[1], assertThrows(IllegalStateException.class, chain::timed));

    assertEquals(2, chain.script.calls());
  }

  @Test
  void aDelayOverrideChangesThePauses() {
    ResilientConfigChain chain = chain(Map.of(FETCH + "delay", "30ms", FETCH + "maxAttempts", "3"));
    chain.script.failWith(Failures.numbered(2));

    assertEquals("fetch#3", chain.fetch());

    assertEquals(List.of(30 * MS, 30 * MS), time.pauses());
  }

  @Test
  void anInvalidMaxAttemptsMakesTheConstructorThrowNamingTheKey() {
    IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
        () -> chain(Map.of(FETCH + "maxAttempts", "five")));

    assertTrue(thrown.getMessage().contains(FETCH + "maxAttempts"), thrown.getMessage());
  }

  @Test
  void anOutOfRangeMaxAttemptsMakesTheConstructorThrowNamingTheKey() {
    IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
        () -> chain(Map.of(FETCH + "maxAttempts", "0")));

    assertTrue(thrown.getMessage().contains(FETCH + "maxAttempts"), thrown.getMessage());
  }

  @Test
  void anInvalidDurationMakesTheConstructorThrowNamingTheKey() {
    IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
        () -> chain(Map.of(FETCH + "delay", "soon")));

    assertTrue(thrown.getMessage().contains(FETCH + "delay"), thrown.getMessage());
  }

  @Test
  void aMaxDurationOverrideForAMethodDeclaringNoneMakesTheConstructorThrowNamingTheKey() {
    IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
        () -> chain(Map.of(FETCH + "maxDuration", "5s")));

    assertTrue(thrown.getMessage().contains(FETCH + "maxDuration"), thrown.getMessage());
  }

  @Test
  void aMaxDurationOverrideForAMethodDeclaringOneChangesTheLimit() {
    ResilientConfigChain chain = chain(Map.of(
        "dev.chainmail.behaviour.ConfigChain/timed/Retry/maxDuration", "15ms",
        "dev.chainmail.behaviour.ConfigChain/timed/Retry/maxAttempts", "10"));
    IllegalStateException[] failures = Failures.numbered(10);
    chain.script.failWith(failures);

    // Pauses of 10ms: the first ends at 10ms, inside 15ms; the second would end at 20ms, so it is not taken.
    assertSame(failures[1], assertThrows(IllegalStateException.class, chain::timed));

    assertEquals(2, chain.script.calls());
    assertEquals(List.of(10 * MS), time.pauses());
  }

  @Test
  void overloadsShareTheirKeys() {
    ResilientSignatureChain chain = new ResilientSignatureChain(ChainmailContext.builder().clock(time)
        .sleeper(time).random(() -> 0.5)
        .config(ChainmailConfig.of(Map.of("dev.chainmail.behaviour.SignatureChain/load/Retry/maxAttempts", "3")))
        .build());
    IllegalStateException[] byKey = Failures.numbered(5);
    IllegalStateException[] byId = Failures.numbered(5);
    chain.byKey.failWith(byKey);
    chain.byId.failWith(byId);

    assertSame(byKey[2], assertThrows(IllegalStateException.class, () -> chain.load("k")));
    assertSame(byId[2], assertThrows(IllegalStateException.class, () -> chain.load(7)));

    assertEquals(3, chain.byKey.calls());
    assertEquals(3, chain.byId.calls());
  }

  private static final String NESTED = "dev.chainmail.behaviour.ConfigLevels$Nested";

  /** Runs {@code body} with system properties set, and clears them after, however it ends. */
  private static void withProperties(Map<String, String> set, Runnable body) {
    set.forEach(System::setProperty);
    try {
      body.run();
    } finally {
      set.keySet().forEach(System::clearProperty);
    }
  }

  /** A proxy reading the real system properties, then the environment, in virtual time. */
  private ResilientConfigLevels_Nested nested() {
    return new ResilientConfigLevels_Nested(ChainmailContext.builder().clock(time).sleeper(time)
        .random(() -> 0.5).config(ChainmailConfig.defaults()).build());
  }

  private static int callsUntilItGivesUp(ResilientConfigLevels_Nested chain, Runnable call) {
    chain.script.failWith(Failures.numbered(20));
    assertThrows(IllegalStateException.class, call::run);
    return chain.script.calls();
  }

  @Test
  void theTypesKeyOverridesATypeLevelAnnotationByTheBinaryName() {
    withProperties(Map.of(NESTED + "/Retry/maxAttempts", "4"), () -> {
      ResilientConfigLevels_Nested chain = nested();
      assertEquals(4, callsUntilItGivesUp(chain, chain::inherited));
      ResilientConfigLevels_Nested own = nested();
      assertEquals(2, callsUntilItGivesUp(own, own::own), "a method's own annotation is not the type's");
    });
  }

  @Test
  void theCanonicalNameIsNotAKeyAnyMore() {
    withProperties(Map.of("dev.chainmail.behaviour.ConfigLevels.Nested/inherited/Retry/"
        + "maxAttempts", "4"), () -> {
      ResilientConfigLevels_Nested chain = nested();
      assertEquals(2, callsUntilItGivesUp(chain, chain::inherited));
    });
  }

  @Test
  void theMostSpecificKeyWins() {
    withProperties(Map.of(
        NESTED + "/inherited/Retry/maxAttempts", "5",
        NESTED + "/Retry/maxAttempts", "4",
        "Retry/maxAttempts", "3"), () -> {
      ResilientConfigLevels_Nested inherited = nested();
      assertEquals(5, callsUntilItGivesUp(inherited, inherited::inherited));
      ResilientConfigLevels_Nested own = nested();
      assertEquals(3, callsUntilItGivesUp(own, own::own), "only the key for every use reaches a method's own");
    });
  }

  @Test
  void aKeyForEveryUseReachesEveryChain() {
    withProperties(Map.of("Retry/maxAttempts", "6"), () -> {
      ResilientConfigLevels_Nested chain = nested();
      assertEquals(6, callsUntilItGivesUp(chain, chain::own));
    });
  }

  @Test
  void anOverrideOfAnAttributeCompiledIntoTheProxyFailsConstruction() {
    withProperties(Map.of(NESTED + "/guarded/CircuitBreaker/failOn",
        "java.io.IOException"), () -> {
      IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, this::nested);
      assertEquals("config key " + NESTED + "/guarded/CircuitBreaker/failOn = 'java.io.IOException' is invalid:"
          + " failOn is compiled into the proxy's instanceof checks, so it cannot be overridden; change the"
          + " annotation and rebuild", thrown.getMessage());
    });
  }

  @Test
  void aBadValueForEveryUseNamesThatKey() {
    withProperties(Map.of("CircuitBreaker/requestVolumeThreshold", "lots"), () -> {
      IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, this::nested);
      assertEquals("config key CircuitBreaker/requestVolumeThreshold = 'lots' is invalid: 'lots' is not a whole"
          + " number", thrown.getMessage());
    });
  }

  @Test
  void enabledFalseTurnsAGuardOffAtTheLevelItNames() {
    withProperties(Map.of(NESTED + "/Retry/enabled", "false"), () -> {
      ResilientConfigLevels_Nested inherited = nested();
      assertEquals(1, callsUntilItGivesUp(inherited, inherited::inherited), "the type-level retry is off");
      ResilientConfigLevels_Nested own = nested();
      assertEquals(2, callsUntilItGivesUp(own, own::own), "a method's own retry is not the type's");
    });
    withProperties(Map.of("Retry/enabled", "false"), () -> {
      ResilientConfigLevels_Nested own = nested();
      assertEquals(1, callsUntilItGivesUp(own, own::own));
    });
  }

  @Test
  void aFallbackTurnedOffLetsTheFailureThrough() {
    ResilientConfigLevels_Nested on = nested();
    on.script.failWith(Failures.numbered(3));
    assertEquals("rescue", on.rescued());
    withProperties(Map.of(NESTED + "/rescued/Fallback/enabled", "false"), () -> {
      ResilientConfigLevels_Nested off = nested();
      IllegalStateException[] failures = Failures.numbered(3);
      off.script.failWith(failures);
      assertSame(failures[1], assertThrows(IllegalStateException.class, off::rescued),
          "the type-level retry still runs, then the failure propagates");
    });
  }

  @Test
  void aFallbacksMethodCannotBeOverridden() {
    withProperties(Map.of("Fallback/method", "other"), () -> {
      IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, this::nested);
      assertEquals("config key Fallback/method = 'other' is invalid: method names the method the proxy calls,"
          + " which the processor checked and compiled in, so it cannot be overridden; change the annotation and"
          + " rebuild", thrown.getMessage());
    });
  }
}
