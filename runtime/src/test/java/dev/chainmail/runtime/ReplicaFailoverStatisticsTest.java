package dev.chainmail.runtime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * With N replicas that each fail a call independently with probability p, a FAILOVER call (first, then next until
 * -1) fails only when all N fail, so it succeeds with probability 1 - p^N.
 *
 * <p>Ejection would distort this (an ejected replica is skipped, so its failures stop counting), so the detection
 * has an {@code ejectAfter} no run can reach. The draws come from a fixed seed, so the test is deterministic; the
 * tolerance of 5 standard deviations of the binomial proportion would still hold for almost any seed (a false
 * failure about once in 1.7 million runs).
 */
class ReplicaFailoverStatisticsTest {

  private static final int TRIALS = 20_000;

  @Test
  void failoverSucceedsWithProbabilityOneMinusPToTheN() {
    Random failures = new Random(2024);
    for (int n = 1; n <= 3; n++) {
      for (double p : new double[] {0.1, 0.3}) {
        double observed = successRate(n, p, failures);
        double expected = 1 - Math.pow(p, n);
        double sigma = Math.sqrt(expected * (1 - expected) / TRIALS);
        assertTrue(Math.abs(observed - expected) <= 5 * sigma, "N=" + n + ", p=" + p + ": observed " + observed
            + ", expected " + expected + " within 5 sigma = " + (5 * sigma));
      }
    }
  }

  private static double successRate(int n, double p, Random failures) {
    VirtualTime time = new VirtualTime();
    ChainmailContext context = ChainmailContext.builder().clock(time).build();
    List<Integer> replicas = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      replicas.add(i);
    }
    ReplicaDetection detection = ReplicaDetection.builder("com.example.Coin").ejectAfter(Integer.MAX_VALUE).build();
    ReplicaSet<Integer> set = ReplicaSet.of(context, detection, replicas);
    ReplicaPolicy policy = ReplicaPolicy.builder("com.example.Coin/flip", ReplicaStrategy.FAILOVER).build(set);
    RuntimeException failure = new RuntimeException("tails");
    int successes = 0;
    for (int trial = 0; trial < TRIALS; trial++) {
      long tried = 0;
      for (int i = policy.first(); i >= 0; i = policy.next(tried)) {
        tried |= 1L << i;
        if (failures.nextDouble() >= p) {
          set.succeeded(i);
          successes++;
          break;
        }
        set.failed(i, policy.method(), failure);
      }
    }
    return (double) successes / TRIALS;
  }
}
