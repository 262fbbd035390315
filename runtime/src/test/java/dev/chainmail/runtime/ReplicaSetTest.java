package dev.chainmail.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplicaSetTest {

  static final String CHAIN = "com.example.Answerer";
  static final String M = "com.example.Answerer/answer";
  static final long SECOND = 1_000_000_000L;

  private final VirtualTime time = new VirtualTime();
  private final ReplicaEvents events = new ReplicaEvents();
  private final ChainmailContext context =
      ChainmailContext.builder().clock(time).sleeper(time).listener(events).build();

  private ReplicaSet<String> set(ReplicaDetection.Builder detection, int size) {
    List<String> replicas = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      replicas.add("r" + i);
    }
    return ReplicaSet.of(context, detection.build(), replicas);
  }

  private static ReplicaDetection.Builder detection() {
    return ReplicaDetection.builder(CHAIN).ejectAfter(3).ejectFor("1s").maxEjectFor("3s").maxEjectedPercent(100);
  }

  private static void fail(ReplicaSet<?> set, int index, int times) {
    for (int k = 0; k < times; k++) {
      set.failed(index, M, new IOException("boom " + index));
    }
  }

  private static List<Boolean> ejected(ReplicaSet<?> set) {
    List<Boolean> ejected = new ArrayList<>();
    for (ReplicaHealth health : set.health()) {
      ejected.add(health.ejected());
    }
    return ejected;
  }

  @Test
  void holdsTheReplicasInOrderAllHealthy() {
    ReplicaSet<String> set = set(detection(), 3);
    assertEquals(3, set.size());
    assertEquals("r2", set.replica(2));
    assertEquals(List.of(new ReplicaHealth(0, false, 0, 0, 0), new ReplicaHealth(1, false, 0, 0, 0),
        new ReplicaHealth(2, false, 0, 0, 0)), set.health());
    assertTrue(set.available(0) && set.available(1) && set.available(2));
  }

  @Test
  void sizeAndNullChecksSayWhatIsWrong() {
    ReplicaDetection detection = detection().build();
    ConfigurationException none = assertThrows(ConfigurationException.class,
        () -> ReplicaSet.of(context, detection, List.of()));
    assertEquals(CHAIN + ": a replicated chain needs at least one replica, but no replicas were given",
        none.getMessage());
    ConfigurationException many = assertThrows(ConfigurationException.class,
        () -> ReplicaSet.of(context, detection, Collections.nCopies(65, "r")));
    assertEquals(CHAIN + ": a replicated chain has at most 64 replicas, but 65 replicas were given; split them over "
        + "several chains", many.getMessage());
    assertEquals(64, ReplicaSet.of(context, detection, Collections.nCopies(64, "r")).size());
    NullPointerException missing = assertThrows(NullPointerException.class,
        () -> ReplicaSet.of(context, detection, Arrays.asList("a", null)));
    assertEquals(CHAIN + ": replica 1 is null", missing.getMessage());
    ConfigurationException noFactories = assertThrows(ConfigurationException.class,
        () -> ReplicaSet.restartable(context, detection, List.of()));
    assertEquals(CHAIN + ": a replicated chain needs at least one replica, but no factories were given",
        noFactories.getMessage());
  }

  @Test
  void ejectsAtEjectAfterConsecutiveFailures() {
    ReplicaSet<String> set = set(detection(), 3);
    fail(set, 1, 2);
    assertTrue(set.available(1));
    assertEquals(new ReplicaHealth(1, false, 0, 2, 0), set.health().get(1));
    fail(set, 1, 1);
    assertFalse(set.available(1));
    assertEquals(new ReplicaHealth(1, true, 0, 3, 1), set.health().get(1));
    assertEquals(List.of("ejected " + M + "#1 boom 1"), events.events());
  }

  @Test
  void aSuccessResetsTheCount() {
    ReplicaSet<String> set = set(detection(), 2);
    fail(set, 0, 2);
    set.succeeded(0);
    assertEquals(0, set.health().get(0).consecutiveFailures());
    fail(set, 0, 2);
    assertTrue(set.available(0));
    assertEquals(List.of(), events.events());
  }

  @Test
  void eachEjectionDoublesUpToTheCap() {
    ReplicaSet<String> set = set(detection(), 2);
    long[] expected = {1, 2, 3, 3};
    for (int e = 0; e < expected.length; e++) {
      fail(set, 0, e == 0 ? 3 : 1);
      assertFalse(set.available(0));
      time.advance(expected[e] * SECOND - 1);
      assertFalse(set.available(0), "ejection " + (e + 1) + " ends too early");
      time.advance(1);
      assertTrue(set.available(0), "ejection " + (e + 1) + " lasts " + expected[e] + "s");
      assertEquals(e + 1, set.health().get(0).ejections());
    }
  }

  @Test
  void healthStillReportsEjectedUntilACallSeesTheReplica() {
    ReplicaSet<String> set = set(detection(), 2);
    fail(set, 0, 3);
    time.advance(5 * SECOND);
    assertTrue(set.health().get(0).ejected());
    assertTrue(set.available(0));
    assertFalse(set.health().get(0).ejected());
  }

  @Test
  void oneSuccessOnProbationHealsAndIsReported() {
    ReplicaSet<String> set = set(detection(), 2);
    fail(set, 0, 3);
    time.advance(SECOND);
    assertTrue(set.available(0));
    set.succeeded(0, M);
    assertEquals(List.of("ejected " + M + "#0 boom 0", "readmitted " + M + "#0"), events.events());
    fail(set, 0, 2);
    assertTrue(set.available(0), "healthy again: one failure no longer ejects it");
  }

  @Test
  void oneFailureOnProbationEjectsAgain() {
    ReplicaSet<String> set = set(detection(), 2);
    fail(set, 0, 3);
    time.advance(SECOND);
    assertTrue(set.available(0));
    fail(set, 0, 1);
    assertFalse(set.available(0));
    assertEquals(2, set.health().get(0).ejections());
  }

  @Test
  void theSuccessOfACallWithoutAMethodIsReportedUnderTheChainsName() {
    ReplicaSet<String> set = set(detection(), 2);
    fail(set, 0, 3);
    set.succeeded(0);
    assertEquals("readmitted " + CHAIN + "#0", events.events().get(1));
    assertTrue(set.available(0));
  }

  @Test
  void atMostMaxEjectedPercentAreEjectedAndTheCountStays() {
    ReplicaSet<String> set = set(detection().maxEjectedPercent(50), 4);
    fail(set, 0, 3);
    fail(set, 1, 3);
    fail(set, 2, 3);
    assertEquals(List.of(true, true, false, false), ejected(set));
    assertEquals(3, set.health().get(2).consecutiveFailures());
    set.succeeded(0);
    fail(set, 2, 1);
    assertEquals(List.of(false, true, true, false), ejected(set), "the kept count ejects at the next failure");
  }

  @Test
  void atLeastOneReplicaMayBeEjected() {
    for (int percent : new int[] {0, 10}) {
      ReplicaSet<String> set = set(detection().maxEjectedPercent(percent), 3);
      fail(set, 0, 3);
      fail(set, 1, 3);
      assertEquals(List.of(true, false, false), ejected(set), percent + "%");
    }
  }

  @Test
  void earliestEjectedPicksTheOldestEjectionWithTiesToTheLowestIndex() {
    ReplicaSet<String> set = set(detection(), 3);
    fail(set, 2, 3);
    time.advance(100);
    fail(set, 1, 3);
    fail(set, 0, 3);
    assertEquals(2, set.earliestEjected());
    set.succeeded(2);
    assertEquals(0, set.earliestEjected(), "1 and 0 were ejected at once, 1 first");
    assertEquals(List.of(true, true, false), ejected(set));
  }

  @Test
  void aSuccessOnTheEarliestEjectedReadmitsIt() {
    ReplicaSet<String> set = set(detection(), 2);
    fail(set, 0, 3);
    fail(set, 1, 3);
    int earliest = set.earliestEjected();
    assertEquals(0, earliest);
    set.succeeded(earliest, M);
    assertTrue(set.available(0));
    assertFalse(set.available(1));
    assertEquals("readmitted " + M + "#0", events.events().get(2));
  }

  @Test
  void enterAndExitCountCallsInFlight() {
    ReplicaSet<String> set = set(detection(), 2);
    set.enter(1);
    set.enter(1);
    set.exit(1);
    assertEquals(1, set.health().get(1).inFlight());
    set.exit(1);
    assertEquals(0, set.health().get(1).inFlight());
  }

  @Test
  void healthIsASnapshot() {
    ReplicaSet<String> set = set(detection(), 2);
    List<ReplicaHealth> before = set.health();
    fail(set, 0, 3);
    assertFalse(before.get(0).ejected());
    assertThrows(UnsupportedOperationException.class, () -> before.add(null));
    assertSame(context, set.context());
  }
}
