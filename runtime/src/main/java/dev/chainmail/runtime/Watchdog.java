package dev.chainmail.runtime;

import java.util.ArrayList;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * The JVM-wide watch of real-time deadlines: one daemon thread, {@code chainmail-timeout-watchdog}, started at the
 * first armed deadline. It scans the deadline frames of every thread that has used a timeout, fires those past due,
 * and parks until the earliest one left. This class is thread-safe.
 *
 * <p>A thread that arms a deadline unparks the watchdog only when the deadline is earlier than the one it waits
 * for. While it scans, the watchdog waits for none (its {@link #wakeAt} is {@link Long#MAX_VALUE}), so a deadline
 * armed during a scan that the scan missed always unparks it, and the sticky permit of {@link LockSupport#unpark}
 * makes its next park return at once. A deadline armed after the scan either is no earlier than the one it waits
 * for, or unparks it. Frames of threads that have died are dropped at the next scan.
 */
final class Watchdog implements DeadlineWatch, Runnable {

  static final Watchdog INSTANCE = new Watchdog();

  private static final long NONE = Long.MAX_VALUE;

  private final ConcurrentLinkedQueue<DeadlineFrames> joining = new ConcurrentLinkedQueue<>();
  /** Read and written by the watchdog thread only. */
  private final ArrayList<DeadlineFrames> watched = new ArrayList<>();
  /** The system-clock reading the watchdog is parked until, or {@link #NONE} while it scans or has nothing. */
  private volatile long wakeAt = NONE;
  private volatile Thread thread;

  private Watchdog() {}

  @Override
  public void armed(TimeoutPolicy.Deadline deadline) {
    DeadlineFrames frames = deadline.frames;
    if (!frames.watched) {
      frames.watched = true;
      joining.add(frames);
    }
    Thread t = thread;
    if (t == null) {
      t = start();
    }
    if (deadline.clock != Clock.system() || deadline.at < wakeAt) {
      LockSupport.unpark(t);
    }
  }

  @Override
  public void disarmed(TimeoutPolicy.Deadline deadline) {
    // The watchdog skips deadlines that are not armed.
  }

  private synchronized Thread start() {
    Thread t = thread;
    if (t == null) {
      t = new Thread(this, "chainmail-timeout-watchdog");
      t.setDaemon(true);
      t.start();
      thread = t;
    }
    return t;
  }

  @Override
  public void run() {
    while (true) {
      wakeAt = NONE;
      long next;
      try {
        next = scan();
      } catch (RuntimeException e) {
        next = System.nanoTime() + 1_000_000L;
      }
      wakeAt = next;
      if (next == NONE) {
        LockSupport.park(this);
      } else {
        long wait = next - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(this, wait);
        }
      }
    }
  }

  /** Fires every deadline past due. @return the system-clock reading of the earliest one left, or NONE */
  private long scan() {
    DeadlineFrames joined;
    while ((joined = joining.poll()) != null) {
      watched.add(joined);
    }
    long now = System.nanoTime();
    long earliest = NONE;
    for (int i = watched.size() - 1; i >= 0; i--) {
      DeadlineFrames frames = watched.get(i);
      if (!frames.owner.isAlive()) {
        watched.set(i, watched.get(watched.size() - 1));
        watched.remove(watched.size() - 1);
        continue;
      }
      for (TimeoutPolicy.Deadline deadline : frames.stack) {
        if (deadline == null) {
          break;
        }
        long word = deadline.word();
        if (!TimeoutPolicy.Deadline.isArmed(word)) {
          continue;
        }
        long at = deadline.at;
        Clock clock = deadline.clock;
        boolean system = clock == Clock.system();
        long clockNow = system ? now : clock.nanoTime();
        if (clockNow >= at) {
          deadline.fire(word);
        } else {
          long due = system ? at : Checks.plus(now, at - clockNow);
          if (due < earliest) {
            earliest = due;
          }
        }
      }
    }
    return earliest;
  }
}
