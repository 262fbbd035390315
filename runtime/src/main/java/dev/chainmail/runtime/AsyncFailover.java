package dev.chainmail.runtime;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * One call of an asynchronous replicated method: its stage, which follows the call on one replica after another,
 * as the synchronous proxy's loop does, until one succeeds, a failure that is not a replica's propagates, or every
 * replica the call could try has failed. The next replica is tried on the thread that completed the previous
 * replica's stage; at most one replica's call is under way at a time. This class is thread-safe.
 *
 * @param <T> the type of the value
 */
final class AsyncFailover<T> extends StageRelay<T> {

  private final ReplicaPolicy policy;
  private final ReplicaSet<?> set;
  private final IntFunction<? extends CompletionStage<? extends T>> call;
  private final Predicate<? super Throwable> counted;
  /** The replica whose call is under way; written before the call starts, read after its stage completes. */
  private int replica;
  private long tried;
  private ReplicaFailures failures;

  AsyncFailover(ReplicaPolicy policy, IntFunction<? extends CompletionStage<? extends T>> call,
      Predicate<? super Throwable> counted) {
    this.policy = policy;
    this.set = policy.replicas();
    this.call = call;
    this.counted = counted;
  }

  /** Calls a replica, unless the call was cancelled. */
  void attempt(int index) {
    if (isDone()) {
      return;
    }
    replica = index;
    if (policy.balancesLoad()) {
      set.enter(index);
    }
    CompletionStage<? extends T> stage;
    try {
      stage = call.apply(index);
    } catch (Throwable failure) {
      stage = CompletableFuture.failedFuture(failure);
    }
    follow(stage != null ? stage : CompletableFuture.failedFuture(new NullPointerException(
        "the call of replica " + index + " returned a null stage")));
  }

  @Override
  boolean onDone(T value, Throwable failure) {
    int index = replica;
    if (policy.balancesLoad()) {
      set.exit(index);
    }
    if (isDone()) {
      // Cancelled: the replica's stage ended because this one did, which says nothing of its health.
      return true;
    }
    if (failure == null) {
      set.succeeded(index, policy.method());
      return true;
    }
    if (!counted.test(failure)) {
      return true;
    }
    set.failed(index, policy.method(), failure);
    tried |= 1L << index;
    int next = policy.next(tried);
    if (next < 0) {
      ReplicaFailures.attach(failures, failure);
      return true;
    }
    failures = ReplicaFailures.add(failures, failure);
    attempt(next);
    return false;
  }
}
