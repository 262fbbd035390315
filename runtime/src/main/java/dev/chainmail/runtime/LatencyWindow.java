package dev.chainmail.runtime;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The p95 of recent latencies, for an adaptive hedge delay: a histogram of the latencies recorded over a sliding
 * window of 10 s, kept as ten one-second slices. Buckets are log-linear, four per power of two, so a quantile is
 * read to within a quarter of its value. Recording allocates nothing: one clock reading and one atomic increment,
 * and for each of the first 64 records, every 64th after them, and the first of each new slice, a recomputation of
 * the cached quantile that reads every bucket. Until {@link #MIN_SAMPLES} latencies lie in the window, {@link #p95Nanos()} is the fallback.
 *
 * <p>This class is thread-safe. A slice that is being reset while another thread records into it may lose that
 * record: an estimate, not an account.
 */
final class LatencyWindow {

  /** The latencies the window must hold before its p95 is trusted. */
  static final int MIN_SAMPLES = 20;
  private static final int SLICES = 10;
  private static final long SLICE_NANOS = 1_000_000_000L;
  private static final int SUB_BITS = 2;
  private static final int BUCKETS = 64 << SUB_BITS;

  private final Clock clock;
  private final long fallbackNanos;
  private final AtomicLongArray counts = new AtomicLongArray(SLICES * BUCKETS);
  /** Per slice, the number of the second it holds. */
  private final AtomicLongArray seconds = new AtomicLongArray(SLICES);
  private final AtomicLong recorded = new AtomicLong();
  private volatile long computedSecond = Long.MIN_VALUE;
  private volatile long p95;

  LatencyWindow(Clock clock, long fallbackNanos) {
    this.clock = clock;
    this.fallbackNanos = fallbackNanos;
    this.p95 = fallbackNanos;
    long now = second(clock.nanoTime());
    for (int i = 0; i < SLICES; i++) {
      seconds.set(i, now - SLICES);
    }
  }

  /** Records one latency, in nanoseconds; a negative one counts as zero. */
  void record(long latencyNanos) {
    long second = second(clock.nanoTime());
    int slice = (int) Math.floorMod(second, (long) SLICES);
    long held = seconds.get(slice);
    if (held != second && seconds.compareAndSet(slice, held, second)) {
      for (int b = 0; b < BUCKETS; b++) {
        counts.set(slice * BUCKETS + b, 0);
      }
    }
    counts.incrementAndGet(slice * BUCKETS + bucket(Math.max(0, latencyNanos)));
    long count = recorded.incrementAndGet();
    if (count <= 64 || (count & 63) == 0 || computedSecond != second) {
      computedSecond = second;
      p95 = quantile(second, 0.95);
    }
  }

  /** @return the p95 of the window's latencies, in nanoseconds, or the fallback while it holds too few */
  long p95Nanos() {
    return p95;
  }

  private long quantile(long second, double q) {
    long total = 0;
    for (int s = 0; s < SLICES; s++) {
      if (second - seconds.get(s) < SLICES) {
        for (int b = 0; b < BUCKETS; b++) {
          total += counts.get(s * BUCKETS + b);
        }
      }
    }
    if (total < MIN_SAMPLES) {
      return fallbackNanos;
    }
    long rank = (long) Math.ceil(q * total);
    long seen = 0;
    for (int b = 0; b < BUCKETS; b++) {
      for (int s = 0; s < SLICES; s++) {
        if (second - seconds.get(s) < SLICES) {
          seen += counts.get(s * BUCKETS + b);
        }
      }
      if (seen >= rank) {
        return upperBound(b);
      }
    }
    return upperBound(BUCKETS - 1);
  }

  private static long second(long nanos) {
    return Math.floorDiv(nanos, SLICE_NANOS);
  }

  /** The bucket of a latency: its power of two, and which quarter of it. */
  static int bucket(long nanos) {
    if (nanos < (1L << SUB_BITS)) {
      return (int) nanos;
    }
    int exponent = 63 - Long.numberOfLeadingZeros(nanos);
    int sub = (int) (nanos >>> (exponent - SUB_BITS)) & ((1 << SUB_BITS) - 1);
    return ((exponent - SUB_BITS + 1) << SUB_BITS) + sub;
  }

  /** The largest latency in a bucket. */
  static long upperBound(int bucket) {
    if (bucket < (1 << SUB_BITS)) {
      return bucket;
    }
    int exponent = (bucket >>> SUB_BITS) + SUB_BITS - 1;
    long sub = bucket & ((1 << SUB_BITS) - 1);
    long low = (1L << exponent) + (sub << (exponent - SUB_BITS));
    if (exponent >= 62) {
      return Long.MAX_VALUE;
    }
    return low + (1L << (exponent - SUB_BITS)) - 1;
  }
}
