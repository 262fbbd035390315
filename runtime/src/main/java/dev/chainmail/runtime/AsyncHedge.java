package dev.chainmail.runtime;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * One call of an asynchronous {@code HEDGED} method: it calls its first replica and, while no answer has come,
 * sends a hedge to the next healthy replica after each hedge delay, up to {@code maxHedges} and within the hedging
 * budget. The first success wins and the others are cancelled. A failure does not win: it counts against its
 * replica and sends the next call at once, as a hedge while others are still under way, as a failover when none
 * is. Outcomes that arrive after the call has ended are dropped, and count against no replica.
 *
 * <p>Decisions are taken under this object's lock, which is never held while the chain's code or a listener runs.
 * This class is thread-safe.
 *
 * @param <T> the type of the value
 */
final class AsyncHedge<T> extends ParallelReplicaCall<T> {

  private final ReplicaHedging hedging;

  // Guarded by this.
  /** When each replica was called, for the adaptive delay's latencies; null with a fixed delay. */
  private final long[] startedAt;
  private long tried;
  /** The replicas whose calls are under way; each replica is called at most once per call. */
  private long underWay;
  /** The replicas called as hedges, rather than first or on a failover. */
  private long hedgedTo;
  private int hedges;
  private int first = -1;
  private ReplicaFailures failures;
  private Scheduler.Cancellable timer;

  AsyncHedge(ReplicaPolicy policy, ReplicaHedging hedging, IntFunction<? extends CompletionStage<? extends T>> call,
      Predicate<? super Throwable> counted) {
    super(policy, call, counted);
    this.hedging = hedging;
    this.startedAt = hedging.adaptive() ? new long[set.size()] : null;
  }

  /**
   * Sends the call to its first replica. {@code pending} says that its stage cannot be complete when the call
   * returns, as a call handed to another thread's cannot: the timer is then armed first, from the call's start.
   */
  void start(int replica, boolean pending) {
    synchronized (this) {
      first = replica;
      called(replica);
      if (pending) {
        arm();
      }
    }
    launch(replica);
    if (!pending) {
      // Armed after the call, so that an answer already there, as a cached one is, costs no timer.
      synchronized (this) {
        if (!isDone()) {
          arm();
        }
      }
    }
  }

  /** Under the lock: marks a replica as called, and arms the timer of the next hedge. */
  private void prepare(int replica) {
    called(replica);
    arm();
  }

  /** Under the lock: marks a replica as called. */
  private void called(int replica) {
    tried |= 1L << replica;
    underWay |= 1L << replica;
    if (startedAt != null) {
      startedAt[replica] = hedging.clock().nanoTime();
    }
  }

  /** Under the lock: arms the timer of the next hedge, if one may follow. */
  private void arm() {
    if (hedges < hedging.maxHedges()) {
      StageRelay.cancel(timer);
      timer = hedging.scheduler().schedule(this::hedge, hedging.delayNanos());
    }
  }

  /** The hedge delay has passed with no answer: a hedge, if the limits and the budget allow one. */
  private void hedge() {
    int next;
    int waitingOn;
    synchronized (this) {
      timer = null;
      if (isDone() || underWay == 0 || hedges >= hedging.maxHedges()) {
        return;
      }
      next = policy.next(tried);
      if (next < 0 || !hedging.trySpend()) {
        return;
      }
      hedges++;
      hedgedTo |= 1L << next;
      waitingOn = waitingOn();
      prepare(next);
    }
    hedging.listener().onHedgeSent(method, next, waitingOn);
    launch(next);
  }

  @Override
  void outcome(int replica, T value, Throwable failure) {
    int next = -1;
    boolean hedge = false;
    boolean end;
    boolean hedgeWon = false;
    long latency = -1L;
    int waitingOn = -1;
    synchronized (this) {
      underWay &= ~(1L << replica);
      if (isDone()) {
        return;
      }
      if (failure == null) {
        if (startedAt != null) {
          latency = hedging.clock().nanoTime() - startedAt[replica];
        }
        hedgeWon = (hedgedTo & (1L << replica)) != 0;
        end = true;
      } else if (!counted.test(failure)) {
        end = true;
      } else {
        next = policy.next(tried);
        if (next >= 0 && underWay != 0) {
          // Others are under way: the next call is a hedge, if the limits and the budget allow it; else wait.
          hedge = hedges < hedging.maxHedges() && hedging.trySpend();
          if (hedge) {
            hedges++;
            hedgedTo |= 1L << next;
            waitingOn = waitingOn();
          } else {
            next = -1;
          }
        }
        end = next < 0 && underWay == 0;
        if (next >= 0) {
          prepare(next);
        }
        if (!end) {
          failures = ReplicaFailures.add(failures, failure);
        }
      }
    }
    if (failure == null) {
      set.succeeded(replica, method);
      if (latency >= 0) {
        hedging.window().record(latency);
      }
      if (hedgeWon) {
        hedging.listener().onHedgeWon(method, replica, first);
      }
      complete(value);
      cancelOthers();
      return;
    }
    if (counted.test(failure)) {
      set.failed(replica, method, failure);
    }
    if (end) {
      completeExceptionally(counted.test(failure) ? ReplicaFailures.attach(failures, failure) : failure);
      cancelOthers();
      return;
    }
    if (next >= 0) {
      if (hedge) {
        hedging.listener().onHedgeSent(method, next, waitingOn);
      }
      launch(next);
    }
  }

  /** Under the lock: the replica a hedge waits on, the first one while it is under way, else the lowest that is. */
  private int waitingOn() {
    return (underWay & (1L << first)) != 0 ? first : Long.numberOfTrailingZeros(underWay);
  }

  @Override
  void ending() {
    StageRelay.cancel(timer);
    timer = null;
  }
}
