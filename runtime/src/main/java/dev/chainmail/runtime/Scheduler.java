package dev.chainmail.runtime;

/**
 * Runs tasks later, off the caller's thread: the runtime's heartbeats, and for asynchronous methods the later
 * attempts of a retry, the start of a call that waits for its rate-limit permit, and the timeout's timers, are
 * scheduled here. Those run the chain's own method on the scheduler's thread, so an asynchronous method must return
 * its stage without blocking.
 *
 * <p>The interface is deliberately minimal: one-shot tasks only. A periodic task schedules itself again at the end
 * of each run, which keeps the period measured from the end of the previous run and lets {@link VirtualTime}
 * implement the interface exactly.
 *
 * <p>A {@link ChainmailContext} built without a scheduler uses {@link #system()}, unless its clock is a
 * {@link VirtualTime}, in which case it uses {@link VirtualTime#scheduler()}. Implementations must be thread-safe,
 * and an exception a task throws must not stop later tasks from running.
 */
public interface Scheduler {

  /**
   * Schedules a task to run once, after a delay.
   *
   * @param task what to run; its exceptions are not reported to the caller of {@code schedule}
   * @param delayNanos how long from now to wait, in nanoseconds; zero or more
   * @return a handle that cancels the task if it has not started yet
   * @throws NullPointerException if {@code task} is null
   * @throws IllegalArgumentException if {@code delayNanos} is negative
   */
  Cancellable schedule(Runnable task, long delayNanos);

  /** A scheduled task that can still be called off. Implementations must be thread-safe. */
  interface Cancellable {

    /**
     * Cancels the task: if it has not started, it never runs; if it is running, it runs to its end. Calling it
     * again, or after the task ran, does nothing.
     */
    void cancel();
  }

  /**
   * Returns the JVM-wide scheduler: one daemon thread, {@code chainmail-scheduler}, of a
   * {@link java.util.concurrent.ScheduledThreadPoolExecutor} that is created at the first task scheduled. A task
   * that throws is dropped, and later tasks still run. Cancelled tasks are removed from its queue at once.
   *
   * @return the shared system scheduler
   */
  static Scheduler system() {
    return SystemScheduler.INSTANCE;
  }
}
