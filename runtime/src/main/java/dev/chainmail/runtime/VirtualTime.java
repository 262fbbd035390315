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
 *
 * <p>Its {@link #scheduler()} runs tasks in virtual time in the same way: a {@link #sleep} or {@link #advance} that
 * moves the clock to or past a task's time runs it before returning, on the calling thread, in time order (tasks
 * due at the same time in the order they were scheduled). The clock stops at each task's time while the task runs,
 * so a task reads its own due time, and a task it schedules is due from then: it runs in the same move if its time
 * is not past the end of the move. A {@link ChainmailContext} whose clock is a {@code VirtualTime} uses this
 * scheduler unless it is given another.
 */
public final class VirtualTime implements Clock, Sleeper {

  private final AtomicLong now = new AtomicLong();
  private final List<Long> pauses = new ArrayList<>();
  private final VirtualDeadlines deadlines = new VirtualDeadlines(this);
  private final VirtualScheduler scheduler = new VirtualScheduler(this);

  /** Creates a virtual clock at reading 0, with no pauses recorded. */
  public VirtualTime() {}

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
    move(nanos);
  }

  /**
   * Moves the clock forward without recording a pause, as if a call had taken this long, firing the timeouts it
   * passes and running the scheduled tasks that fall due.
   *
   * @param nanos how far to move, in nanoseconds
   * @throws IllegalArgumentException if {@code nanos} is negative
   * @throws RuntimeException the first exception a scheduled task threw, after every due task has run
   */
  public void advance(long nanos) {
    if (nanos < 0) {
      throw new IllegalArgumentException("virtual time cannot go back: advance(" + nanos + ")");
    }
    move(nanos);
  }

  /**
   * Returns the scheduler whose tasks run in this virtual time, as the class comment describes. A task scheduled
   * with no delay runs at the next {@link #sleep} or {@link #advance}, even {@code advance(0)}.
   *
   * @return this clock's scheduler; the same instance at every call
   */
  public Scheduler scheduler() {
    return scheduler;
  }

  /**
   * Moves the clock by {@code nanos} in steps, stopping at each scheduled task's time to run it. The steps add up
   * to {@code nanos}, so with several threads moving the clock it still advances by the sum of their moves.
   */
  private void move(long nanos) {
    long remaining = nanos;
    RuntimeException thrown = null;
    while (true) {
      long next = scheduler.nextAt();
      long step = next - now.get();
      boolean last = next == Long.MAX_VALUE || step > remaining;
      if (last) {
        now.addAndGet(remaining);
      } else if (step > 0) {
        now.addAndGet(step);
        remaining -= step;
      }
      long reached = now.get();
      deadlines.fireDue(reached);
      try {
        scheduler.runDue(reached);
      } catch (RuntimeException e) {
        if (thrown == null) {
          thrown = e;
        } else {
          thrown.addSuppressed(e);
        }
      }
      if (last) {
        break;
      }
    }
    if (thrown != null) {
      throw thrown;
    }
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
