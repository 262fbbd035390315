package dev.chainmail.runtime;

/**
 * The recent outcomes a {@link CircuitBreakerPolicy} judges: how many calls, how many failed, how many were slow.
 * A slow success counts as a failure as well as a slow call. Instances are not thread-safe: the breaker's lock
 * guards them.
 */
abstract class CallWindow {

  static final byte SUCCESS = 0;
  static final byte FAILURE = 1;
  static final byte SLOW = 2;

  int calls;
  int failures;
  int slowCalls;

  /** Records one outcome at the given clock reading (which a count window ignores). */
  abstract void record(byte outcome, long nowNanos);

  /** Forgets every outcome. */
  abstract void reset();

  /** @return whether the window holds enough calls to be judged */
  abstract boolean judged();

  /**
   * @return whether a further success cannot change the window's judgement or counts, so that a closed breaker
   *     may skip recording it
   */
  abstract boolean quiet();

  final void add(byte outcome, int sign) {
    calls += sign;
    if (outcome != SUCCESS) {
      failures += sign;
      if (outcome == SLOW) {
        slowCalls += sign;
      }
    }
  }

  final void clearCounts() {
    calls = 0;
    failures = 0;
    slowCalls = 0;
  }

  /** The last {@code size} calls. */
  static final class Count extends CallWindow {
    private final byte[] outcomes;
    private int next;

    Count(int size) {
      this.outcomes = new byte[size];
    }

    @Override
    void record(byte outcome, long nowNanos) {
      if (calls == outcomes.length) {
        add(outcomes[next], -1);
      }
      outcomes[next] = outcome;
      add(outcome, 1);
      next = next + 1 == outcomes.length ? 0 : next + 1;
    }

    @Override
    void reset() {
      clearCounts();
      next = 0;
    }

    @Override
    boolean judged() {
      return calls == outcomes.length;
    }

    @Override
    boolean quiet() {
      return calls == outcomes.length && failures == 0;
    }
  }

  /**
   * The calls of the last {@code seconds} seconds, in one-second buckets: the window holds the current second of
   * the clock and the {@code seconds - 1} before it, so a call leaves it between {@code seconds - 1} and
   * {@code seconds} seconds after it was recorded.
   */
  static final class Time extends CallWindow {
    private static final long SECOND = 1_000_000_000L;

    private final int minimumCalls;
    private final int[] bucketCalls;
    private final int[] bucketFailures;
    private final int[] bucketSlow;
    private long lastSecond = Long.MIN_VALUE;

    Time(int seconds, int minimumCalls) {
      this.minimumCalls = minimumCalls;
      this.bucketCalls = new int[seconds];
      this.bucketFailures = new int[seconds];
      this.bucketSlow = new int[seconds];
    }

    @Override
    void record(byte outcome, long nowNanos) {
      long second = Math.floorDiv(nowNanos, SECOND);
      if (lastSecond == Long.MIN_VALUE) {
        lastSecond = second;
      } else if (second > lastSecond) {
        long stale = Math.min(second - lastSecond, bucketCalls.length);
        for (long s = second - stale + 1; s <= second; s++) {
          clearBucket(Math.floorMod(s, bucketCalls.length));
        }
        lastSecond = second;
      }
      int bucket = Math.floorMod(lastSecond, bucketCalls.length);
      add(outcome, 1);
      bucketCalls[bucket]++;
      if (outcome != SUCCESS) {
        bucketFailures[bucket]++;
        if (outcome == SLOW) {
          bucketSlow[bucket]++;
        }
      }
    }

    private void clearBucket(int bucket) {
      calls -= bucketCalls[bucket];
      failures -= bucketFailures[bucket];
      slowCalls -= bucketSlow[bucket];
      bucketCalls[bucket] = 0;
      bucketFailures[bucket] = 0;
      bucketSlow[bucket] = 0;
    }

    @Override
    void reset() {
      clearCounts();
      for (int i = 0; i < bucketCalls.length; i++) {
        bucketCalls[i] = 0;
        bucketFailures[i] = 0;
        bucketSlow[i] = 0;
      }
      lastSecond = Long.MIN_VALUE;
    }

    @Override
    boolean judged() {
      return calls >= minimumCalls;
    }

    @Override
    boolean quiet() {
      return false;
    }
  }
}
