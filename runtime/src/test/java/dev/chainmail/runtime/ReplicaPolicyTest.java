package dev.chainmail.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReplicaPolicyTest {

  private static final String M = ReplicaSetTest.M;

  private final VirtualTime time = new VirtualTime();
  private final Random seeded = new Random(42);
  private final ChainmailContext context =
      ChainmailContext.builder().clock(time).random(seeded::nextDouble).build();

  private ReplicaSet<String> set(int size) {
    List<String> replicas = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      replicas.add("r" + i);
    }
    ReplicaDetection detection = ReplicaDetection.builder(ReplicaSetTest.CHAIN).ejectAfter(1).maxEjectedPercent(100)
        .build();
    return ReplicaSet.of(context, detection, replicas);
  }

  private static void eject(ReplicaSet<?> set, int index) {
    set.failed(index, M, new IOException("down"));
  }

  private static ReplicaPolicy policy(ReplicaStrategy strategy, ReplicaSet<?> set) {
    return ReplicaPolicy.builder(M, strategy).build(set);
  }

  private static int[] counts(ReplicaPolicy policy, int calls) {
    int[] counts = new int[policy.replicas().size()];
    for (int k = 0; k < calls; k++) {
      counts[policy.first()]++;
    }
    return counts;
  }

  @Test
  void failoverTakesTheFirstAvailableInIndexOrder() {
    ReplicaSet<String> set = set(3);
    ReplicaPolicy policy = policy(ReplicaStrategy.FAILOVER, set);
    assertEquals(0, policy.first());
    assertEquals(0, policy.first());
    assertEquals(1, policy.next(0b001));
    assertEquals(2, policy.next(0b011));
    assertEquals(-1, policy.next(0b111));
    eject(set, 0);
    assertEquals(1, policy.first());
    assertEquals(2, policy.next(0b010));
    assertEquals(-1, policy.next(0b110), "0 is ejected, so no untried replica is left");
  }

  @Test
  void roundRobinSpreadsEvenlyOverTheAvailableReplicas() {
    ReplicaSet<String> set = set(3);
    ReplicaPolicy policy = policy(ReplicaStrategy.ROUND_ROBIN, set);
    assertEquals(List.of(0, 1, 2, 0, 1), List.of(policy.first(), policy.first(), policy.first(), policy.first(),
        policy.first()));
    assertArrayEquals(new int[] {100, 100, 100}, counts(policy, 300));
    eject(set, 1);
    assertArrayEquals(new int[] {100, 0, 100}, counts(policy, 200));
  }

  @Test
  void roundRobinNextTakesTheNextUntriedAfterThePosition() {
    ReplicaSet<String> set = set(4);
    ReplicaPolicy policy = policy(ReplicaStrategy.ROUND_ROBIN, set);
    assertEquals(0, policy.first());
    assertEquals(2, policy.next(0b0011), "the position moved to 1, which was tried");
    assertEquals(2, policy.first());
    assertEquals(0, policy.next(0b1100), "from position 3, tried, on to 0");
  }

  @Test
  void randomIsUniformOverTheAvailableReplicas() {
    ReplicaSet<String> set = set(4);
    eject(set, 2);
    int[] counts = counts(policy(ReplicaStrategy.RANDOM, set), 3000);
    assertEquals(0, counts[2]);
    for (int i : new int[] {0, 1, 3}) {
      // Each has 1000 expected and a standard deviation of about 26; 150 is almost 6 of them.
      assertTrue(Math.abs(counts[i] - 1000) < 150, "replica " + i + " chosen " + counts[i] + " times");
    }
  }

  @Test
  void leastLoadedPrefersTheLessLoaded() {
    ReplicaSet<String> set = set(2);
    ReplicaPolicy policy = policy(ReplicaStrategy.LEAST_LOADED, set);
    assertTrue(policy.balancesLoad());
    set.enter(0);
    assertArrayEquals(new int[] {0, 100}, counts(policy, 100));
    set.enter(1);
    set.enter(1);
    assertArrayEquals(new int[] {100, 0}, counts(policy, 100));

    ReplicaSet<String> three = set(3);
    ReplicaPolicy powerOfTwo = policy(ReplicaStrategy.LEAST_LOADED, three);
    for (int k = 0; k < 5; k++) {
      three.enter(0);
    }
    int[] counts = counts(powerOfTwo, 300);
    assertEquals(0, counts[0], "the busiest of three is never the less loaded of two distinct choices");
    assertTrue(counts[1] > 100 && counts[2] > 100, counts[1] + " and " + counts[2]);
    assertEquals(1, powerOfTwo.next(0b101));
  }

  /**
   * With loads 0 < 1 < 2 < ..., the power of two choices picks replica i when the pair holds i and a busier one.
   * Over uniform ordered pairs of distinct replicas among n, that is 2 (n - 1 - i) / (n (n - 1)): for n = 4,
   * 1/2, 1/3, 1/6 and 0. This pins that the two choices are distinct and the pairs uniform.
   */
  @Test
  void leastLoadedDrawsUniformPairsOfDistinctReplicas() {
    ReplicaSet<String> set = set(5);
    ReplicaPolicy policy = policy(ReplicaStrategy.LEAST_LOADED, set);
    for (int i = 0; i < 4; i++) {
      for (int k = 0; k < i; k++) {
        set.enter(i);
      }
    }
    for (int k = 0; k < 9; k++) {
      set.enter(4);
    }
    // Five replicas, loads 0, 1, 2, 3, 9: expected 4800, 3600, 2400, 1200 and 0 of 12,000.
    assertChosenAbout(new int[] {4800, 3600, 2400, 1200, 0}, counts(policy, 12_000), "all available");
    eject(set, 4);
    // Among the four left: 6000, 4000, 2000 and 0.
    assertChosenAbout(new int[] {6000, 4000, 2000, 0, 0}, counts(policy, 12_000), "4 ejected");
  }

  /** Each count within 6 binomial standard deviations of what was expected, over the sum of the counts. */
  private static void assertChosenAbout(int[] expected, int[] counts, String setting) {
    int calls = Arrays.stream(counts).sum();
    for (int i = 0; i < expected.length; i++) {
      double p = expected[i] / (double) calls;
      double sd = Math.sqrt(calls * p * (1 - p));
      assertTrue(Math.abs(counts[i] - expected[i]) <= 6 * sd, setting + ": replica " + i + " chosen " + counts[i]
          + " times, expected about " + expected[i]);
    }
  }

  @Test
  void weightedFollowsNginxSmoothWeightedRoundRobin() {
    ReplicaSet<String> set = set(3);
    ReplicaPolicy policy = ReplicaPolicy.builder(M, ReplicaStrategy.WEIGHTED).weights(5, 1, 1).build(set);
    StringBuilder sequence = new StringBuilder();
    for (int k = 0; k < 14; k++) {
      sequence.append((char) ('a' + policy.first()));
    }
    assertEquals("aabacaa" + "aabacaa", sequence.toString());
    assertFalse(policy.balancesLoad());
  }

  @Test
  void weightedChoosesByWeightAmongTheUntriedAndAvailable() {
    ReplicaSet<String> set = set(3);
    ReplicaPolicy policy = ReplicaPolicy.builder(M, ReplicaStrategy.WEIGHTED).weights(1, 3, 1).build(set);
    int[] counts = new int[3];
    for (int k = 0; k < 400; k++) {
      counts[policy.next(0b010)]++;
    }
    assertEquals(0, counts[1]);
    assertEquals(200, counts[0]);
    assertEquals(200, counts[2]);
    eject(set, 1);
    assertArrayEquals(new int[] {50, 0, 50}, counts(policy, 100));
  }

  @Test
  void nextNeverRepeatsATriedReplicaAndEndsWithMinusOne() {
    for (ReplicaStrategy strategy : ReplicaStrategy.values()) {
      ReplicaSet<String> set = set(5);
      ReplicaPolicy.Builder builder = ReplicaPolicy.builder(M, strategy);
      if (strategy == ReplicaStrategy.WEIGHTED) {
        builder.weights(1, 2, 3, 4, 5);
      }
      ReplicaPolicy policy = builder.build(set);
      for (int call = 0; call < 50; call++) {
        long tried = 0;
        int attempts = 0;
        for (int i = policy.first(); i >= 0; i = policy.next(tried)) {
          assertEquals(0, tried & (1L << i), strategy + " repeated replica " + i);
          tried |= 1L << i;
          attempts++;
        }
        assertEquals(5, attempts, strategy + " tries every replica once");
        assertEquals(0b11111, tried);
      }
    }
  }

  @Test
  void hedgedAndQuorumChooseInFailoverOrderAroundAnEjectedReplica() {
    for (ReplicaStrategy strategy : List.of(ReplicaStrategy.HEDGED, ReplicaStrategy.QUORUM)) {
      ReplicaSet<String> set = set(3);
      ReplicaPolicy policy = policy(strategy, set);
      eject(set, 0);
      for (int k = 0; k < 20; k++) {
        assertEquals(1, policy.first(), strategy.name());
        assertEquals(2, policy.next(0b011), strategy.name());
      }
    }
  }

  @Test
  void withNoReplicaAvailableFirstReturnsTheEarliestEjected() {
    for (ReplicaStrategy strategy : ReplicaStrategy.values()) {
      ReplicaSet<String> set = set(3);
      ReplicaPolicy.Builder builder = ReplicaPolicy.builder(M, strategy);
      if (strategy == ReplicaStrategy.WEIGHTED) {
        builder.weights(1, 1, 1);
      }
      ReplicaPolicy policy = builder.build(set);
      eject(set, 1);
      time.advance(5);
      eject(set, 0);
      eject(set, 2);
      assertEquals(1, policy.first(), strategy.name());
      assertEquals(-1, policy.next(0b010), strategy.name());
    }
  }

  @Test
  void weightsAreCheckedWithMessages() {
    ReplicaSet<String> set = set(3);
    assertEquals(M + ": weights [1, 2] are given for the ROUND_ROBIN strategy, which has none; use WEIGHTED or "
        + "remove the weights", assertThrows(ConfigurationException.class,
            () -> ReplicaPolicy.builder(M, ReplicaStrategy.ROUND_ROBIN).weights(1, 2)).getMessage());
    assertEquals(M + ": weight 1 must be at least 1, was 0 in [3, 0, 1]", assertThrows(ConfigurationException.class,
        () -> ReplicaPolicy.builder(M, ReplicaStrategy.WEIGHTED).weights(3, 0, 1)).getMessage());
    assertEquals(M + ": the WEIGHTED strategy needs one weight per replica, but 2 weights [1, 2] were given for 3 "
        + "replicas", assertThrows(ConfigurationException.class,
            () -> ReplicaPolicy.builder(M, ReplicaStrategy.WEIGHTED).weights(1, 2).build(set)).getMessage());
    assertEquals(M + ": the WEIGHTED strategy needs one weight per replica, and none were given for its 3 replicas; "
        + "call weights(...)", assertThrows(ConfigurationException.class,
            () -> ReplicaPolicy.builder(M, ReplicaStrategy.WEIGHTED).build(set)).getMessage());
  }

  @Test
  void describesItself() {
    ReplicaPolicy policy = policy(ReplicaStrategy.RANDOM, set(2));
    assertEquals(M, policy.method());
    assertEquals(ReplicaStrategy.RANDOM, policy.strategy());
    assertNotEquals("", policy.toString());
  }

  private static void assertArrayEquals(int[] expected, int[] actual) {
    org.junit.jupiter.api.Assertions.assertArrayEquals(expected, actual, java.util.Arrays.toString(actual));
  }
}
