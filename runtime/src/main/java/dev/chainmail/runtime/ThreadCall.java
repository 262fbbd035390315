package dev.chainmail.runtime;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;

/**
 * A replica's synchronous call, run on the replica executor, as a stage: it completes with the call's outcome, and
 * cancelling it interrupts the thread that runs the call, if it has started, or keeps it from starting. This class
 * is thread-safe.
 *
 * @param <T> the type of the value
 */
final class ThreadCall<T> extends CompletableFuture<T> {

  private final FutureTask<T> task;

  private ThreadCall(ReplicaCall<? extends T> call, int replica) {
    this.task = new FutureTask<>(() -> call.call(replica)) {
      @Override
      protected void done() {
        relay(this);
      }
    };
  }

  /**
   * Runs a replica's call on {@code executor}, inside the caller's context.
   *
   * @throws java.util.concurrent.RejectedExecutionException if the executor takes no more tasks
   */
  static <T> ThreadCall<T> start(Executor executor, Executor callerContext, ReplicaCall<? extends T> call,
      int replica) {
    ThreadCall<T> started = new ThreadCall<>(call, replica);
    executor.execute(() -> callerContext.execute(started.task));
    return started;
  }

  private void relay(FutureTask<T> done) {
    try {
      complete(done.get());
    } catch (CancellationException cancelled) {
      super.cancel(false);
    } catch (ExecutionException failed) {
      completeExceptionally(failed.getCause() != null ? failed.getCause() : failed);
    } catch (InterruptedException impossible) {
      // get() on a done task does not wait.
      Thread.currentThread().interrupt();
      completeExceptionally(impossible);
    }
  }

  /** Cancels the call, interrupting its thread if it runs, whatever {@code mayInterruptIfRunning} says. */
  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    task.cancel(true);
    return super.cancel(mayInterruptIfRunning);
  }
}
