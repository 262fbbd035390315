package dev.chainmail.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * One call of a replicated method that calls several replicas at once, as {@code HEDGED} and {@code QUORUM} do: its
 * stage, the replicas' calls under way, and their cancellation. Subclasses decide, under this object's lock, what
 * each replica's outcome means; the lock is never held while the chain's code runs. This class is thread-safe.
 *
 * @param <T> the type of the value
 */
abstract class ParallelReplicaCall<T> extends CompletableFuture<T> {

  final ReplicaPolicy policy;
  final ReplicaSet<?> set;
  final Predicate<? super Throwable> counted;
  final String method;
  private final IntFunction<? extends CompletionStage<? extends T>> call;
  /** The replicas' calls under way, by replica; guarded by this. */
  private final CompletableFuture<?>[] stages;

  ParallelReplicaCall(ReplicaPolicy policy, IntFunction<? extends CompletionStage<? extends T>> call,
      Predicate<? super Throwable> counted) {
    this.policy = policy;
    this.set = policy.replicas();
    this.call = call;
    this.counted = counted;
    this.method = policy.method();
    this.stages = new CompletableFuture<?>[set.size()];
  }

  /** Calls a replica; what the call throws, or a null stage, is that replica's failure. Not under the lock. */
  final void launch(int replica) {
    CompletionStage<? extends T> stage;
    try {
      stage = call.apply(replica);
    } catch (Throwable failure) {
      stage = CompletableFuture.failedFuture(failure);
    }
    if (stage == null) {
      stage = CompletableFuture.failedFuture(new NullPointerException(
          method + ": the call of replica " + replica + " returned a null stage"));
    }
    CompletableFuture<?> future = stage instanceof CompletableFuture ? (CompletableFuture<?>) stage : null;
    boolean late;
    synchronized (this) {
      stages[replica] = future;
      late = isDone();
    }
    if (late && future != null) {
      cancelQuietly(future);
    }
    stage.whenComplete((value, thrown) -> {
      synchronized (this) {
        stages[replica] = null;
      }
      outcome(replica, value, AsyncStages.unwrap(thrown));
    });
  }

  /** A replica's outcome: its value, or its failure, unwrapped. Called without the lock. */
  abstract void outcome(int replica, T value, Throwable failure);

  /** Under the lock, when the call ends: what else to call off, such as a timer. Nothing by default. */
  void ending() {}

  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    boolean cancelled = super.cancel(mayInterruptIfRunning);
    cancelOthers();
    return cancelled;
  }

  /** Cancels every replica's call still under way; their outcomes, arriving late, are dropped. */
  final void cancelOthers() {
    List<CompletableFuture<?>> running = new ArrayList<>(2);
    synchronized (this) {
      ending();
      for (CompletableFuture<?> stage : stages) {
        if (stage != null) {
          running.add(stage);
        }
      }
    }
    for (CompletableFuture<?> stage : running) {
      cancelQuietly(stage);
    }
  }

  private static void cancelQuietly(CompletableFuture<?> stage) {
    try {
      stage.cancel(false);
    } catch (UnsupportedOperationException cannot) {
      // A minimal stage cannot be cancelled: it runs on, and its outcome is dropped.
    }
  }
}
