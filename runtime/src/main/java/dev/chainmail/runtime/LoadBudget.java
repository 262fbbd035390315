package dev.chainmail.runtime;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Bounds extra work, such as retries, to a fraction of the calls: over a sliding window of 10 seconds, counted in
 * steps of one second, the work spent is at most {@code ratio} times the calls recorded, plus {@code floor}, so
 * that a method with few calls can still retry. Retries that a budget refuses are what stops a retry storm: when a
 * dependency fails every call, retries add at most {@code ratio} of extra load instead of multiplying it by
 * {@code maxAttempts}, as Finagle's retry budgets and gRPC's retry throttling do.
 *
 * <p>{@link #recordCall()}, on every call's path, is one clock reading and one compare-and-set, lock-free;
 * {@link #trySpend()}, on the failure path, takes a lock so that concurrent spenders never overdraw. This class is
 * thread-safe.
 */
final class LoadBudget {

  static final long WINDOW_NANOS = 10_000_000_000L;
  private static final int STEPS = 10;
  private static final long STEP_NANOS = WINDOW_NANOS / STEPS;

  private final double ratio;
  private final int floor;
  private final Clock clock;
  /** Per step: the step's number (low 32 bits) in the high half, the calls counted in it in the low half. */
  private final AtomicLongArray calls = new AtomicLongArray(STEPS);
  private final Object lock = new Object();
  /** Per step, under the lock: the step's number and the work spent in it. */
  private final int[] spentSteps = new int[STEPS];
  private final int[] spent = new int[STEPS];

  LoadBudget(double ratio, int floor, Clock clock) {
    this.ratio = ratio;
    this.floor = floor;
    this.clock = clock;
    long old = step(clock.nanoTime()) - STEPS;
    // Mark every slot as belonging to a step outside the first window, so that nothing counts before it is seen.
    for (int i = 0; i < STEPS; i++) {
      spentSteps[i] = (int) old;
      calls.set(i, old << 32);
    }
  }

  /** Counts one call. */
  void recordCall() {
    long step = step(clock.nanoTime());
    int slot = slot(step);
    long stamp = step << 32;
    // The stamp keeps the step's low 32 bits, enough to tell the steps of one window apart.
    for (;;) {
      long seen = calls.get(slot);
      long next = (seen & 0xFFFF_FFFF_0000_0000L) == stamp ? seen + 1 : stamp | 1;
      if (calls.compareAndSet(slot, seen, next)) {
        return;
      }
    }
  }

  /**
   * Spends one unit of work if the budget allows it.
   *
   * @return whether it did; if not, the caller must not do the work
   */
  boolean trySpend() {
    long step = step(clock.nanoTime());
    synchronized (lock) {
      long recentCalls = 0;
      long recentSpent = 0;
      for (int i = 0; i < STEPS; i++) {
        long packed = calls.get(i);
        if (inWindow(step, (int) (packed >>> 32))) {
          recentCalls += packed & 0xFFFF_FFFFL;
        }
        if (inWindow(step, spentSteps[i])) {
          recentSpent += spent[i];
        }
      }
      if (recentSpent + 1 > ratio * recentCalls + floor) {
        return false;
      }
      int slot = slot(step);
      if (spentSteps[slot] != (int) step) {
        spentSteps[slot] = (int) step;
        spent[slot] = 0;
      }
      spent[slot]++;
      return true;
    }
  }

  /** Describes the budget for {@link SharedGuards}, which compares budgets shared under one name by it. */
  @Override
  public String toString() {
    return "budget=" + ratio;
  }

  /** @return the fraction of the calls that may be spent */
  double ratio() {
    return ratio;
  }

  private static long step(long nanos) {
    return Math.floorDiv(nanos, STEP_NANOS);
  }

  private static int slot(long step) {
    return (int) Math.floorMod(step, (long) STEPS);
  }

  /** Whether {@code stamp}, a step number's low 32 bits, is one of the {@code STEPS} steps ending at {@code now}. */
  private static boolean inWindow(long now, int stamp) {
    int age = (int) now - stamp;
    return age >= 0 && age < STEPS;
  }
}
