package dev.chainmail.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock and sleeper for tests that runs in virtual time: {@link #sleep(long)} returns at once after moving the
 * clock forward, and records the pause.
 *
 * <p>Like {@link Thread#sleep(long)}, a sleep on an interrupted thread throws {@link InterruptedException} and
 * clears the flag. This class is thread-safe; with several threads sleeping, the clock advances by the sum of their
 * pauses.
 *
 * <p>A {@link TimeoutPolicy} whose context has this clock arms its deadlines in virtual time: a {@link #sleep} or
 * {@link #advance} that moves the clock to or past an armed deadline fires it before returning, on the calling
 * thread, interrupting the deadline's thread (usually the calling thread itself, which then returns with its
 * interrupt flag set) unless that thread is already interrupted.
 */
public final class VirtualTime implements Clock, Sleeper {

  private final AtomicLong now = new AtomicLong();
  private final List<Long> pauses = new ArrayList<>();
  private final VirtualDeadlines deadlines = new VirtualDeadlines(this);

  @Override
  public long nanoTime() {
    return now.get();
  }

  @Override
  public void sleep(long nanos) throws InterruptedException {
    if (nanos < 0) {
      throw new IllegalArgumentException("virtual time cannot go back: sleep(" + nanos + ")");
    }
    if (Thread.interrupted()) {
      throw new InterruptedException("interrupted before a virtual pause of " + nanos + "ns");
    }
    synchronized (pauses) {
      pauses.add(nanos);
    }
    deadlines.fireDue(now.addAndGet(nanos));
  }

  /**
   * Moves the clock forward without recording a pause, as if a call had taken this long, firing the timeouts it
   * passes.
   *
   * @param nanos how far to move, in nanoseconds
   * @throws IllegalArgumentException if {@code nanos} is negative
   */
  public void advance(long nanos) {
    if (nanos < 0) {
      throw new IllegalArgumentException("virtual time cannot go back: advance(" + nanos + ")");
    }
    deadlines.fireDue(now.addAndGet(nanos));
  }

  /** @return the deadlines armed against this clock */
  DeadlineWatch deadlines() {
    return deadlines;
  }

  /** @return a copy of every pause taken so far, in nanoseconds, in the order taken */
  public List<Long> pauses() {
    synchronized (pauses) {
      return List.copyOf(pauses);
    }
  }
}
