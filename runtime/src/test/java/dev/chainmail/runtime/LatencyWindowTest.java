package dev.chainmail.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LatencyWindowTest {

  private final VirtualTime time = new VirtualTime();

  @Test
  void bucketsCoverEveryLatencyAndTheirBoundsAreTight() {
    for (long nanos : new long[] {0, 1, 3, 4, 5, 7, 8, 1_000, 999_999, 1L << 40, Long.MAX_VALUE / 2}) {
      int bucket = LatencyWindow.bucket(nanos);
      assertTrue(LatencyWindow.upperBound(bucket) >= nanos, nanos + " fits its bucket");
      assertTrue(bucket == 0 || LatencyWindow.upperBound(bucket - 1) < nanos, nanos + " is past the bucket below");
      assertTrue(LatencyWindow.upperBound(bucket) <= nanos + nanos / 4 + 1, "within a quarter of " + nanos);
    }
  }

  @Test
  void theFallbackHoldsUntilEnoughLatenciesAreSeen() {
    LatencyWindow window = new LatencyWindow(time, 2_000_000_000L);
    for (int i = 0; i < LatencyWindow.MIN_SAMPLES - 1; i++) {
      window.record(1_000_000L);
    }
    assertEquals(2_000_000_000L, window.p95Nanos());
    window.record(1_000_000L);
    assertTrue(window.p95Nanos() < 1_300_000L, "now the p95 of what was seen: " + window.p95Nanos());
  }

  @Test
  void theEstimateConvergesToTheP95OfAKnownDistribution() {
    LatencyWindow window = new LatencyWindow(time, 2_000_000_000L);
    SplittableRandom random = new SplittableRandom(7);
    long[] seen = new long[10_000];
    for (int i = 0; i < seen.length; i++) {
      // Log-normal around 10 ms, as a remote call's latency often is.
      seen[i] = (long) (10_000_000L * Math.exp(0.5 * gaussian(random)));
      window.record(seen[i]);
      if (i % 1000 == 999) {
        time.advance(500_000_000L);
      }
    }
    long[] recent = Arrays.copyOfRange(seen, seen.length - 10_000 / 5 * 4, seen.length);
    Arrays.sort(recent);
    long exact = recent[(int) Math.ceil(0.95 * recent.length) - 1];
    long estimate = window.p95Nanos();
    assertTrue(estimate >= exact * 0.95 && estimate <= exact * 1.3,
        "estimate " + estimate + " against the exact p95 " + exact + " of the window's latencies");
  }

  @Test
  void oldLatenciesLeaveTheWindow() {
    LatencyWindow window = new LatencyWindow(time, 2_000_000_000L);
    for (int i = 0; i < 100; i++) {
      window.record(500_000_000L);
    }
    time.advance(11_000_000_000L);
    for (int i = 0; i < 100; i++) {
      window.record(1_000_000L);
    }
    assertTrue(window.p95Nanos() < 1_300_000L, "only the last 10 s count: " + window.p95Nanos());
  }

  private static double gaussian(SplittableRandom random) {
    double u = random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
  }
}
