package dev.chainmail.runtime;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;

/**
 * The stage a guard returns for the stage beneath it: it completes as the stage it follows does, once
 * {@link #onDone} has run, and cancelling it cancels that stage, so that a cancellation reaches the chain's own
 * stage through every guard. A failure arrives unwrapped from {@link java.util.concurrent.CompletionException}.
 * This class is thread-safe.
 *
 * @param <T> the type of the value
 */
class StageRelay<T> extends CompletableFuture<T> implements BiConsumer<T, Throwable> {

  /** What cancelling this cancels: the stage followed now; null before there is one. */
  private volatile CompletableFuture<?> source;

  /** Follows {@code stage}: completes when it does, and cancels it when cancelled. */
  final void follow(CompletionStage<? extends T> stage) {
    source = cancellable(stage);
    if (isDone()) {
      cancelSource();
    }
    stage.whenComplete(this);
  }

  @Override
  public final void accept(T value, Throwable thrown) {
    Throwable failure = AsyncStages.unwrap(thrown);
    try {
      if (!onDone(value, failure)) {
        return;
      }
    } catch (Throwable broken) {
      if (failure != null && failure != broken) {
        broken.addSuppressed(failure);
      }
      completeExceptionally(broken);
      return;
    }
    if (failure == null) {
      complete(value);
    } else {
      completeExceptionally(failure);
    }
  }

  /**
   * Runs when the followed stage completes, before this one does.
   *
   * @param value the stage's value, if it succeeded
   * @param failure the stage's failure, unwrapped; null if it succeeded
   * @return whether this stage now completes with that outcome; false if this method took care of it, as a retry
   *     that follows another attempt does
   * @throws Throwable what went wrong, which then fails this stage
   */
  boolean onDone(T value, Throwable failure) throws Throwable {
    return true;
  }

  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    boolean cancelled = super.cancel(mayInterruptIfRunning);
    cancelSource();
    return cancelled;
  }

  final void cancelSource() {
    CompletableFuture<?> followed = source;
    if (followed != null) {
      try {
        followed.cancel(false);
      } catch (UnsupportedOperationException cannot) {
        // A stage that cannot be cancelled, as a minimal one: it runs on, and its outcome is ignored.
      }
    }
  }

  /** Calls off a scheduled task of a stage, such as a timer, if there is one. */
  static void cancel(Scheduler.Cancellable task) {
    if (task != null) {
      task.cancel();
    }
  }

  /** The stage as a future to cancel; null for a stage that has none. */
  private static CompletableFuture<?> cancellable(CompletionStage<?> stage) {
    if (stage instanceof CompletableFuture) {
      return (CompletableFuture<?>) stage;
    }
    try {
      return stage.toCompletableFuture();
    } catch (UnsupportedOperationException noFuture) {
      return null;
    }
  }
}
