package dev.chainmail.runtime.checkpoint;

import java.util.concurrent.Executor;

/**
 * The current run of each thread, which a proxy's {@code @Checkpoint} steps record into, and the executor that
 * carries it to other threads.
 *
 * <p>An entry makes its run the current run of its thread for the duration of its call, and restores the thread's
 * previous run (usually none) when it returns. Work that a chain sends to other threads reaches the run through
 * {@link #propagating(Executor)}; a step called on a thread with no current run behaves as if it had no
 * {@code @Checkpoint}.
 *
 * <p>This class is thread-safe.
 */
public final class Checkpoints {

  private static final ThreadLocal<CheckpointRun> CURRENT = new ThreadLocal<>();

  private Checkpoints() {}

  /**
   * Returns the calling thread's current run.
   *
   * @return the run, or {@code null} outside any run
   */
  public static CheckpointRun current() {
    return CURRENT.get();
  }

  /**
   * Returns an executor that runs each task on {@code executor} with the current run of the thread that submitted
   * it, or with none if that thread had none, and restores the worker thread's previous run after each task.
   *
   * <p>Steps called by such tasks record into the submitter's run, so they need a {@code @StepKey} when several run
   * at once: their order depends on timing. The tasks must finish before the run's entry returns, since a step
   * called after it cannot be recorded.
   *
   * @param executor the executor that runs the tasks
   * @return an executor that carries the current run to its tasks
   * @throws NullPointerException if {@code executor} is null
   */
  public static Executor propagating(Executor executor) {
    if (executor == null) {
      throw new NullPointerException("executor");
    }
    return new PropagatingExecutor(executor);
  }

  /** Makes {@code run} the calling thread's current run, or clears it for {@code null}. */
  static void set(CheckpointRun run) {
    if (run == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(run);
    }
  }

  /** An executor that carries the submitter's run to each task. */
  private static final class PropagatingExecutor implements Executor {
    private final Executor delegate;

    PropagatingExecutor(Executor delegate) {
      this.delegate = delegate;
    }

    @Override
    public void execute(Runnable task) {
      if (task == null) {
        throw new NullPointerException("task");
      }
      delegate.execute(new CarryingTask(CURRENT.get(), task));
    }

    @Override
    public String toString() {
      return "Checkpoints.propagating(" + delegate + ")";
    }
  }

  /** A task that runs with a given current run, then restores its thread's own. */
  private static final class CarryingTask implements Runnable {
    private final CheckpointRun run;
    private final Runnable task;

    CarryingTask(CheckpointRun run, Runnable task) {
      this.run = run;
      this.task = task;
    }

    @Override
    public void run() {
      CheckpointRun previous = CURRENT.get();
      set(run);
      try {
        task.run();
      } finally {
        set(previous);
      }
    }

    @Override
    public String toString() {
      return task.toString();
    }
  }
}
