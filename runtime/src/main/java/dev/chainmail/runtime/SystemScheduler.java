package dev.chainmail.runtime;

import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * {@link Scheduler#system()}: one shared daemon thread, started at the first task, so that a process that never
 * schedules anything starts no thread. A one-shot task of a {@link ScheduledThreadPoolExecutor} runs inside a
 * future that keeps what it throws, so a failing task never kills the thread. This class is thread-safe.
 */
final class SystemScheduler implements Scheduler {

  static final SystemScheduler INSTANCE = new SystemScheduler();

  private SystemScheduler() {}

  /** Holds the executor, so that it is created at the first task scheduled and not when the class loads. */
  private static final class Executor {
    static final ScheduledThreadPoolExecutor INSTANCE = create();

    private static ScheduledThreadPoolExecutor create() {
      ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, new DaemonThreads());
      executor.setRemoveOnCancelPolicy(true);
      executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
      return executor;
    }
  }

  @Override
  public Cancellable schedule(Runnable task, long delayNanos) {
    Objects.requireNonNull(task, "task");
    if (delayNanos < 0) {
      throw new IllegalArgumentException("a task cannot run in the past: schedule(task, " + delayNanos + ")");
    }
    return new Scheduled(Executor.INSTANCE.schedule(task, delayNanos, TimeUnit.NANOSECONDS));
  }

  /** The thread of the shared executor. */
  private static final class DaemonThreads implements ThreadFactory {
    @Override
    public Thread newThread(Runnable r) {
      Thread thread = new Thread(r, "chainmail-scheduler");
      thread.setDaemon(true);
      return thread;
    }
  }

  /** A task on the shared executor. */
  private static final class Scheduled implements Cancellable {
    private final ScheduledFuture<?> future;

    Scheduled(ScheduledFuture<?> future) {
      this.future = future;
    }

    @Override
    public void cancel() {
      future.cancel(false);
    }
  }
}
