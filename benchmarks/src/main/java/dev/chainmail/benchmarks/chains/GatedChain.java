package dev.chainmail.benchmarks.chains;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A chain whose calls wait at a gate until it opens, for the sanity checks that prove a bulkhead rejects a call
 * when it is full: calls that hold permits can be kept inside. Unguarded itself; the peers' probe guards wrap it,
 * and {@link GatedBulkheadChain} carries the bulkhead of {@link BulkheadChain}. Never measured. This class is
 * thread-safe.
 */
public class GatedChain implements Service {

  /** How long a call waits for the gate at most, so that a broken guard fails the check instead of hanging it. */
  private static final long MAX_WAIT_SECONDS = 10;

  private final CountDownLatch gate = new CountDownLatch(1);
  private final AtomicInteger entered = new AtomicInteger();

  /**
   * Counts the call, then waits until the gate opens (or 10 s have passed).
   *
   * @param x the input
   * @return {@code x + 1}
   * @throws IllegalStateException if the thread is interrupted while waiting
   */
  @Override
  public int call(int x) {
    entered.incrementAndGet();
    try {
      gate.await(MAX_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted at the gate", e);
    }
    return x + 1;
  }

  /** Lets every waiting call, and every later one, through. */
  public void open() {
    gate.countDown();
  }

  /** @return how many calls have reached the method, whether or not they have passed the gate */
  public int entered() {
    return entered.get();
  }
}
