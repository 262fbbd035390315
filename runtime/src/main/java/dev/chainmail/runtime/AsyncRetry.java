package dev.chainmail.runtime;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * One call of an asynchronous method under a {@link RetryPolicy}: its stage, which follows one attempt after
 * another until one succeeds or retrying stops. Attempts after the first start on the policy's scheduler, in the
 * caller's captured context. At most one attempt is under way at a time, and each starts only after the previous
 * one has completed, so the attempt count needs no synchronisation beyond that ordering. This class is
 * thread-safe.
 *
 * @param <T> the type of the value
 */
final class AsyncRetry<T> extends StageRelay<T> implements Runnable {

  private final RetryPolicy policy;
  private final Supplier<? extends CompletionStage<? extends T>> attempt;
  private final Predicate<? super Throwable> retried;
  private final Function<? super Throwable, Duration> delayFrom;
  private final Predicate<? super T> rejects;
  private final long startNanos;
  /** Runs a later attempt in the caller's captured context; null for a policy that never retries. */
  private final Executor caller;
  /** Attempts started so far; written before each attempt starts, read after it completes. */
  private int attempts;
  /** The next attempt, while it waits on the scheduler; null otherwise. */
  private volatile Scheduler.Cancellable next;

  AsyncRetry(RetryPolicy policy, Supplier<? extends CompletionStage<? extends T>> attempt,
      Predicate<? super Throwable> retried, Function<? super Throwable, Duration> delayFrom,
      Predicate<? super T> rejects, long startNanos, Executor caller) {
    this.policy = policy;
    this.attempt = Objects.requireNonNull(attempt, "attempt");
    this.retried = Objects.requireNonNull(retried, "retried");
    this.delayFrom = delayFrom;
    this.rejects = rejects;
    this.startNanos = startNanos;
    this.caller = caller;
  }

  /** Follows the first attempt, which the policy has started. */
  void first(CompletionStage<? extends T> stage) {
    attempts = 1;
    follow(stage);
  }

  /** Starts the next attempt, unless the call was cancelled. */
  void attempt() {
    if (isDone()) {
      return;
    }
    attempts++;
    follow(AsyncStages.start(attempt));
  }

  /** Runs on the scheduler when a pause ends: the next attempt, in the caller's context. */
  @Override
  public void run() {
    next = null;
    try {
      caller.execute(this::attempt);
    } catch (Throwable broken) {
      completeExceptionally(broken);
    }
  }

  @Override
  boolean onDone(T value, Throwable failure) {
    if (isDone()) {
      return true;
    }
    long pause;
    if (failure == null) {
      if (rejects == null || !rejects.test(value)) {
        return true;
      }
      pause = policy.nextAsyncPause(attempts, null, startNanos, null);
    } else {
      if (!retried.test(failure)) {
        return true;
      }
      pause = policy.nextAsyncPause(attempts, failure, startNanos, delayFrom);
    }
    if (pause < 0) {
      return true;
    }
    next = policy.scheduler().schedule(this, pause);
    if (isDone()) {
      cancelNext();
    }
    return false;
  }

  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    boolean cancelled = super.cancel(mayInterruptIfRunning);
    cancelNext();
    return cancelled;
  }

  private void cancelNext() {
    StageRelay.cancel(next);
  }
}
