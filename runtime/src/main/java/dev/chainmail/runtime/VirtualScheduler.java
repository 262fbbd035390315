package dev.chainmail.runtime;

import java.util.Objects;
import java.util.PriorityQueue;

/**
 * The tasks scheduled against one {@link VirtualTime}, run on the thread that moves its clock to or past their
 * time, in time order and, at equal times, in the order they were scheduled. This class is thread-safe.
 */
final class VirtualScheduler implements Scheduler {

  private final Clock clock;
  private final PriorityQueue<Task> queue = new PriorityQueue<>();
  private long scheduled;
  /** The time of the earliest task, or {@link Long#MAX_VALUE} if there is none; readable without the lock. */
  private volatile long nextAt = Long.MAX_VALUE;

  VirtualScheduler(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Cancellable schedule(Runnable task, long delayNanos) {
    Objects.requireNonNull(task, "task");
    if (delayNanos < 0) {
      throw new IllegalArgumentException("a task cannot run in the past: schedule(task, " + delayNanos + ")");
    }
    synchronized (this) {
      Task t = new Task(this, task, Checks.plus(clock.nanoTime(), delayNanos), scheduled++);
      queue.add(t);
      nextAt = queue.peek().at;
      return t;
    }
  }

  /** @return the virtual time of the earliest task, or {@link Long#MAX_VALUE} if none is scheduled */
  long nextAt() {
    return nextAt;
  }

  /**
   * Runs every task due at or before {@code now}, including those that the tasks schedule and that are due by then.
   * Every due task runs even if one throws; the first exception is rethrown at the end, the others suppressed.
   */
  void runDue(long now) {
    RuntimeException thrown = null;
    while (nextAt <= now) {
      Task task;
      synchronized (this) {
        task = queue.peek();
        if (task == null || task.at > now) {
          return;
        }
        queue.poll();
        Task head = queue.peek();
        nextAt = head == null ? Long.MAX_VALUE : head.at;
      }
      try {
        task.task.run();
      } catch (RuntimeException e) {
        if (thrown == null) {
          thrown = e;
        } else {
          thrown.addSuppressed(e);
        }
      }
    }
    if (thrown != null) {
      throw thrown;
    }
  }

  private synchronized void remove(Task task) {
    if (queue.remove(task)) {
      Task head = queue.peek();
      nextAt = head == null ? Long.MAX_VALUE : head.at;
    }
  }

  /** One scheduled task, ordered by time and then by the order of scheduling. */
  private static final class Task implements Cancellable, Comparable<Task> {
    final VirtualScheduler owner;
    final Runnable task;
    final long at;
    final long order;

    Task(VirtualScheduler owner, Runnable task, long at, long order) {
      this.owner = owner;
      this.task = task;
      this.at = at;
      this.order = order;
    }

    @Override
    public void cancel() {
      owner.remove(this);
    }

    @Override
    public int compareTo(Task other) {
      int byTime = Long.compare(at, other.at);
      return byTime != 0 ? byTime : Long.compare(order, other.order);
    }
  }
}
