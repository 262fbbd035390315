package dev.chainmail.behaviour;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainmail.runtime.ChainmailConfig;
import dev.chainmail.runtime.ChainmailContext;
import dev.chainmail.runtime.ChainmailListener;
import dev.chainmail.runtime.CircuitBreakerOpenException;
import dev.chainmail.runtime.CircuitBreakerPolicy;
import dev.chainmail.runtime.ConfigurationException;
import dev.chainmail.runtime.ReplicaHealth;
import dev.chainmail.runtime.VirtualTime;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Replicated proxies over scripted replicas, in virtual time: the strategies, failover, ejection and re-admission,
 * heartbeats, restarts, and the guards around and beneath {@code @Replicated}.
 */
class ReplicatedBehaviourTest {

  private static final long SECOND = 1_000_000_000L;

  private final VirtualTime time = new VirtualTime();
  private final List<String> events = new ArrayList<>();
  private final ChainmailContext context = ChainmailContext.builder().clock(time).sleeper(time)
      .random(() -> 0.5).listener(new ChainmailListener() {
        @Override
        public void onReplicaEjected(String method, int replica, Throwable failure) {
          events.add("ejected " + replica + " by " + method.substring(method.indexOf('/') + 1));
        }

        @Override
        public void onReplicaReadmitted(String method, int replica) {
          events.add("readmitted " + replica);
        }

        @Override
        public void onReplicaRestarted(String method, int replica) {
          events.add("restarted " + replica);
        }
      }).build();

  private final ScriptedAnswerer first = new ScriptedAnswerer("first");
  private final ScriptedAnswerer second = new ScriptedAnswerer("second");
  private final ScriptedAnswerer third = new ScriptedAnswerer("third");

  private ResilientAnswerer answerer() {
    return ResilientAnswerer.replicated(context, List.of(first, second, third));
  }

  /** A proxy without a heartbeat, so that only calls judge the replicas. */
  private ResilientMixed passive() {
    return ResilientMixed.replicated(context, List.of(first, second, third));
  }

  @Test
  void failoverServesFromThePrimaryWhileItIsHealthy() {
    ResilientAnswerer answerer = answerer();
    assertEquals("first: a", answerer.answer("a"));
    assertEquals("first: b", answerer.answer("b"));
    assertEquals(List.of("answer a", "answer b"), first.calls);
    assertTrue(second.calls.isEmpty());
    assertEquals(List.of(new ReplicaHealth(0, false, 0, 0, 0), new ReplicaHealth(1, false, 0, 0, 0),
        new ReplicaHealth(2, false, 0, 0, 0)), answerer.replicaHealth());
  }

  @Test
  void failoverMovesOnAndThrowsTheLastFailureWithTheEarlierOnesSuppressed() {
    IllegalStateException one = new IllegalStateException("one");
    IllegalStateException two = new IllegalStateException("two");
    IllegalStateException three = new IllegalStateException("three");
    first.script.failWith(one);
    second.script.failWith(two);
    third.script.failWith(three);
    ResilientAnswerer answerer = answerer();

    IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> answerer.answer("q"));

    assertSame(three, thrown);
    assertArrayEquals(new Throwable[] {one, two}, thrown.getSuppressed());
    assertEquals(List.of(1, 1, 1), List.of(first.script.calls(), second.script.calls(), third.script.calls()));
    assertEquals("first: q", answerer.answer("q"), "a success resets the count; nothing was ejected");
  }

  @Test
  void aReplicaIsEjectedAfterConsecutiveFailuresAndReadmittedOnProbation() {
    ResilientMixed answerer = passive();
    first.script.failWith(new IllegalStateException("1"), new IllegalStateException("2"));
    assertEquals("second: a", answerer.ask("a"));
    assertEquals("second: b", answerer.ask("b"));
    assertEquals(List.of("ejected 0 by ask"), events);
    assertTrue(answerer.replicaHealth().get(0).ejected());
    assertEquals(1, answerer.replicaHealth().get(0).ejections());

    assertEquals("second: c", answerer.ask("c"), "an ejected replica is not tried");
    assertEquals(2, first.script.calls());

    time.advance(10 * SECOND);
    assertTrue(answerer.replicaHealth().get(0).ejected(), "still reported ejected until a call sees it");
    assertEquals("first: d", answerer.ask("d"));
    assertEquals(List.of("ejected 0 by ask", "readmitted 0"), events);
    assertFalse(answerer.replicaHealth().get(0).ejected());
  }

  @Test
  void aReplicaOnProbationThatFailsIsEjectedAgainForTwiceAsLongUpToTheCap() {
    ResilientMixed answerer = passive();
    first.script.failWith(new IllegalStateException("1"), new IllegalStateException("2"),
        new IllegalStateException("3"), new IllegalStateException("4"), new IllegalStateException("5"));
    answerer.ask("a");
    answerer.ask("b");
    time.advance(10 * SECOND);
    answerer.ask("c");   // on probation: one failure ejects it again, for 20 s
    assertEquals(2, answerer.replicaHealth().get(0).ejections());
    time.advance(19 * SECOND);
    answerer.ask("d");
    assertEquals(3, first.script.calls(), "20 s have not passed");
    time.advance(SECOND);
    answerer.ask("e");   // the fourth failure: ejected for 40 s, the cap
    time.advance(40 * SECOND);
    answerer.ask("f");   // the fifth failure: still 40 s
    assertEquals(4, answerer.replicaHealth().get(0).ejections());
    time.advance(39 * SECOND);
    assertEquals("second: g", answerer.ask("g"));
    time.advance(SECOND);
    assertEquals("first: h", answerer.ask("h"));
  }

  @Test
  void whenEveryReplicaIsEjectedTheEarliestEjectedIsStillTried() {
    ResilientMixed answerer = passive();
    for (ScriptedAnswerer replica : List.of(first, second, third)) {
      replica.script.failWith(new IllegalStateException("1"), new IllegalStateException("2"));
    }
    // All three are ejected at the same moment, so the lowest index is the earliest; the runtime's tests cover
    // ejections at different moments.
    assertThrows(IllegalStateException.class, () -> answerer.ask("a"));
    assertThrows(IllegalStateException.class, () -> answerer.ask("b"));
    assertTrue(answerer.replicaHealth().stream().allMatch(ReplicaHealth::ejected));

    assertEquals("first: c", answerer.ask("c"), "the replica whose ejection started first is tried");
    assertFalse(answerer.replicaHealth().get(0).ejected());
  }

  @Test
  void roundRobinSpreadsCallsEvenly() {
    ResilientAnswerer answerer = answerer();
    for (int i = 0; i < 6; i++) {
      answerer.spread("q" + i);
    }
    assertEquals(List.of(2, 2, 2), List.of(first.calls.size(), second.calls.size(), third.calls.size()));
  }

  @Test
  void weightedFollowsTheWeights() {
    ResilientAnswerer answerer = answerer();
    for (int i = 0; i < 8; i++) {
      answerer.weighted("q" + i);
    }
    assertEquals(List.of(4, 2, 2), List.of(first.calls.size(), second.calls.size(), third.calls.size()));
  }

  @Test
  void leastLoadedAndRandomServeEveryCallAndLeaveNothingInFlight() {
    ResilientAnswerer answerer = answerer();
    second.script.failWith(new IllegalStateException("1"), new IllegalStateException("2"));
    for (int i = 0; i < 9; i++) {
      assertTrue(answerer.balanced("q" + i).endsWith(": q" + i));
      assertTrue(answerer.random("r" + i).endsWith(": r" + i));
    }
    assertEquals(20, first.calls.size() + second.calls.size() + third.calls.size(), "18 calls and two failures");
    assertTrue(answerer.replicaHealth().stream().allMatch(health -> health.inFlight() == 0));
  }

  @Test
  void aWeightsArrayOfAnotherLengthFailsTheFactory() {
    ConfigurationException thrown = assertThrows(ConfigurationException.class,
        () -> ResilientAnswerer.replicated(context, List.of(first, second)));
    assertTrue(thrown.getMessage().contains("weight"), thrown.getMessage());
  }

  @Test
  void onlyFailOnMovesOnAndSkipOnPropagatesAtOnce() throws IOException {
    ResilientAnswerer answerer = answerer();
    first.script.failWith(new IOException("down"));
    assertEquals("second: a", answerer.classified("a"));
    first.script.failWith(new FileNotFoundException("skipped"));
    assertThrows(FileNotFoundException.class, () -> answerer.classified("b"));
    first.script.failWith(new IllegalStateException("not failOn"));
    assertThrows(IllegalStateException.class, () -> answerer.classified("c"));
    assertEquals(1, answerer.replicaHealth().get(0).consecutiveFailures(), "only the IOException counted");
    assertEquals(List.of("classified a"), second.calls);
  }

  @Test
  void retryAroundReplicatedWithTwoDeadReplicasAndAFallback() {
    ResilientAnswerer answerer = answerer();
    first.script.failWith(new IllegalStateException("dead 1"), new IllegalStateException("dead 2"));
    second.script.failWith(new IllegalStateException("dead 1"), new IllegalStateException("dead 2"));
    assertEquals("third: q", answerer.guarded("q"));

    third.script.failWith(new IllegalStateException("x"), new IllegalStateException("y"));
    assertEquals("cached r", answerer.guarded("r"), "every replica failed on both attempts");
  }

  @Test
  void aVoidMethodIsReplicatedToo() {
    ResilientAnswerer answerer = answerer();
    first.script.failWith(new IllegalStateException("1"));
    answerer.record("line");
    assertEquals(List.of("record line"), first.calls);
    assertEquals(List.of("record line"), second.calls);
  }

  @Test
  void heartbeatsEjectAReplicaThatFailsProbesAndReadmitOneThatPasses() {
    ResilientAnswerer answerer = answerer();
    second.healthy = false;
    time.advance(5 * SECOND);
    time.advance(5 * SECOND);
    assertTrue(answerer.replicaHealth().get(1).ejected(), "two failed probes eject it");
    assertEquals(List.of("ejected 1 by ping"), events);
    assertEquals(0, first.calls.size() + second.calls.size(), "probes are not calls");

    second.healthy = true;
    time.advance(5 * SECOND);
    assertFalse(answerer.replicaHealth().get(1).ejected(), "a passing probe re-admits it before its time");
    assertEquals(List.of("ejected 1 by ping", "readmitted 1"), events);
    assertTrue(first.pings >= 3);
  }

  @Test
  void aRestartableReplicaIsRecreatedWhenItComesBack() {
    List<ScriptedAnswerer> created = new ArrayList<>();
    Supplier<ScriptedAnswerer> factory = () -> {
      ScriptedAnswerer replica = new ScriptedAnswerer("made " + created.size());
      if (created.isEmpty()) {
        replica.script.failWith(new IllegalStateException("1"), new IllegalStateException("2"));
      }
      created.add(replica);
      return replica;
    };
    ResilientAnswerer answerer = ResilientAnswerer.restartable(context, List.of(factory, () -> second, () -> third));
    answerer.answer("a");
    answerer.answer("b");
    assertTrue(answerer.replicaHealth().get(0).ejected());

    time.advance(10 * SECOND);
    assertEquals("made 1: c", answerer.answer("c"));
    assertEquals(2, created.size());
    assertTrue(created.get(0).closed, "the discarded replica is closed");
    assertTrue(events.contains("restarted 0"), events.toString());
  }

  @Test
  void methodsWithoutReplicatedGoToThePrimaryAndTheOneDelegateConstructorMakesASetOfOne() {
    ResilientMixed mixed = ResilientMixed.replicated(context, List.of(first, second));
    first.script.failWith(new IllegalStateException("down"));
    assertEquals("second: a", mixed.ask("a"));
    assertEquals("first: b", mixed.primaryOnly("b"));

    ResilientMixed single = new ResilientMixed(context, third);
    assertEquals("third: c", single.ask("c"));
    assertEquals(1, single.replicaHealth().size());
  }

  @Test
  void eachReplicaHasItsOwnCircuitBreaker() {
    ResilientMixed mixed = ResilientMixed.replicated(context, List.of(first, second));
    first.script.failWith(new IllegalStateException("1"), new IllegalStateException("2"));
    assertEquals("second: a", mixed.broken("a"));
    assertEquals("second: b", mixed.broken("b"));
    assertEquals(CircuitBreakerPolicy.State.OPEN, mixed.circuitBreaker("broken", 0).state());
    assertEquals(CircuitBreakerPolicy.State.CLOSED, mixed.circuitBreaker("broken", 1).state());
    assertEquals("second: c", mixed.broken("c"), "the others keep serving");
    assertThrows(IllegalArgumentException.class, () -> mixed.circuitBreaker("broken"));
  }

  @Test
  void anOpenBreakerOnEveryReplicaRejectsTheCall() {
    ResilientMixed mixed = ResilientMixed.replicated(context, List.of(first, second));
    mixed.circuitBreaker("broken", 0).forceOpen();
    mixed.circuitBreaker("broken", 1).forceOpen();
    CircuitBreakerOpenException thrown = assertThrows(CircuitBreakerOpenException.class, () -> mixed.broken("a"));
    assertEquals(1, thrown.getSuppressed().length, "the first replica's rejection, suppressed");
    assertTrue(first.calls.isEmpty() && second.calls.isEmpty());
  }

  /**
   * Config from the real system properties: the type's key turns the interface's {@code @Replicated} off, so a
   * method that inherits it stays on the primary, while one with its own annotation keeps failing over; and the
   * type's detection key changes when the set ejects.
   */
  @Test
  void systemPropertiesTurnTheTypesReplicationOffAndTuneTheSetsDetection() {
    String type = "dev.chainmail.behaviour.Answerer/Replicated/";
    System.setProperty(type + "enabled", "false");
    System.setProperty(type + "ejectAfter", "1");
    try {
      ChainmailContext fromProperties = ChainmailContext.builder().clock(time).sleeper(time).random(() -> 0.5)
          .config(ChainmailConfig.defaults()).build();
      ResilientAnswerer answerer = ResilientAnswerer.replicated(fromProperties, List.of(first, second, third));
      IllegalStateException down = new IllegalStateException("down");
      first.script.failWith(down, down);
      assertSame(down, assertThrows(IllegalStateException.class, () -> answerer.answer("a")),
          "no failover while replication is off");
      assertTrue(answerer.replicaHealth().get(0).ejected(), "ejectAfter = 1, from the type's key");
      assertTrue(second.calls.isEmpty());
      assertEquals("second: b", answerer.spread("b"), "a method's own @Replicated stays on, past the ejected");
    } finally {
      System.clearProperty(type + "enabled");
      System.clearProperty(type + "ejectAfter");
    }
  }
}
