package dev.chainmail.runtime;

import java.util.List;

/**
 * Hears what the guards of generated proxies do on the failure path: retries, fallbacks, breaker transitions and
 * rejections, timeouts, bulkhead and rate-limit rejections, and replica ejections, readmissions and restarts.
 * Nothing is called, and nothing is allocated, when a call succeeds at its first attempt.
 *
 * <p>Methods are called on the thread that made the guarded call (or, for {@link #onStateChange}, the thread that
 * caused the transition), outside any lock of the guard, and must not throw: an exception a listener
 * throws propagates to the caller in place of the call's outcome. Implementations must be thread-safe. Every
 * method does nothing by default.
 */
public interface ChainmailListener {

  /** The listener that ignores every event. */
  ChainmailListener NONE = new ChainmailListener() {};

  /**
   * Returns a listener that passes every event to each of {@code listeners}, in order. If one throws, the ones
   * after it do not hear that event, and the exception propagates as a single listener's would.
   *
   * @param listeners the listeners, copied
   * @return {@link #NONE} for none, the listener itself for one, else a listener that calls them all; thread-safe
   *     if they are
   * @throws NullPointerException if {@code listeners} or any of them is null
   */
  static ChainmailListener of(List<? extends ChainmailListener> listeners) {
    List<ChainmailListener> copy = List.copyOf(listeners);
    if (copy.isEmpty()) {
      return NONE;
    }
    return copy.size() == 1 ? copy.get(0) : new CompositeListener(copy.toArray(new ChainmailListener[0]));
  }

  /**
   * Called when an attempt failed and another will follow after a pause.
   *
   * @param method the guarded method, as {@code com.example.ResearchChain/answer}
   * @param attempt the number of the attempt that failed, from 1
   * @param failure what the attempt threw; null when it returned a result that {@code retryOnResult} rejected
   * @param pauseNanos the pause before the next attempt, in nanoseconds
   */
  default void onRetry(String method, int attempt, Throwable failure, long pauseNanos) {}

  /**
   * Called when a failure that {@code retryOn} accepts is not retried after all, because the attempts are used up,
   * the next pause would pass {@code maxDuration}, the retry budget is spent, or the thread was interrupted. The
   * failure then goes on to the caller or the fallback. Failures that {@code retryOn} and {@code abortOn} exclude
   * are not reported here. The same holds for a result that {@code retryOnResult} rejected, which is then returned.
   *
   * @param method the guarded method, as {@code com.example.ResearchChain/answer}
   * @param attempts how many attempts were made
   * @param failure the last failure; null when the last attempt returned a result that {@code retryOnResult}
   *     rejected
   */
  default void onRetriesExhausted(String method, int attempts, Throwable failure) {}

  /**
   * Called just before a fallback method answers a failure.
   *
   * @param method the guarded method, as {@code com.example.ResearchChain/answer}
   * @param failure the failure the fallback answers
   */
  default void onFallback(String method, Throwable failure) {}

  /**
   * Called after a circuit breaker changes state, once per transition and never on the success path of a closed
   * breaker. Transitions that race on several threads may be reported in another order than they happened.
   *
   * @param breaker the breaker's name if it has one, else its guarded method, as
   *     {@code com.example.ResearchChain/answer}
   * @param from the state before the transition
   * @param to the state after it; never equal to {@code from}
   */
  default void onStateChange(String breaker, CircuitBreakerPolicy.State from, CircuitBreakerPolicy.State to) {}

  /**
   * Called when a circuit breaker rejects a call because it is open, forced open, or half-open with every trial
   * call under way. The call's target is not called, and {@code rejection} is thrown to the caller or the fallback
   * right after.
   *
   * @param breaker the breaker's name if it has one, else its guarded method, as
   *     {@code com.example.ResearchChain/answer}
   * @param rejection the exception about to be thrown; its message says which state rejected the call
   */
  default void onCallNotPermitted(String breaker, CircuitBreakerOpenException rejection) {}

  /**
   * Called when an attempt outlived its {@code @Timeout}, just before {@code timeout} is thrown in place of the
   * attempt's outcome. Each attempt that times out is reported, so a retried method may report several.
   *
   * @param method the guarded method, as {@code com.example.ResearchChain/answer}
   * @param timeout the exception about to be thrown; its cause is what the late attempt threw, if it threw
   */
  default void onTimeout(String method, TimeoutExceededException timeout) {}

  /**
   * Called when a bulkhead rejects a call: no permit came within {@code maxWait}, or the caller was interrupted
   * while waiting for one.
   *
   * @param bulkhead the bulkhead's name if it has one, else its guarded method, as
   *     {@code com.example.ResearchChain/answer}
   * @param rejection the exception about to be thrown
   */
  default void onBulkheadFull(String bulkhead, BulkheadFullException rejection) {}

  /**
   * Called when a rate limiter rejects a call: its next permit lies more than {@code maxWait} ahead, or the caller
   * was interrupted while pausing for its reserved permit.
   *
   * @param limiter the rate limiter's name if it has one, else its guarded method, as
   *     {@code com.example.ResearchChain/answer}
   * @param rejection the exception about to be thrown
   */
  default void onRateLimited(String limiter, RateLimitedException rejection) {}

  /**
   * Called when a replica of a {@link ReplicaSet} is ejected: a call or heartbeat probe failed and made it reach
   * {@code ejectAfter} consecutive failures, a replica on probation failed, or its factory failed to re-create it.
   *
   * @param method the replicated method whose call or probe caused the ejection, as
   *     {@code com.example.Answerer/answer}; the chain's name, as {@code com.example.Answerer}, when the set was
   *     being built
   * @param replica the replica's index, from 0
   * @param failure what the call, probe or factory threw (for a probe that returned {@code false}, an
   *     {@link IllegalStateException} saying so; for a factory that returned null, a {@link NullPointerException})
   */
  default void onReplicaEjected(String method, int replica, Throwable failure) {}

  /**
   * Called when an ejected replica is healthy again: a call or probe succeeded on it while it was on probation or
   * still ejected. The end of its ejection time alone puts it on probation and is not reported.
   *
   * @param method the replicated method whose call or probe succeeded, as {@code com.example.Answerer/answer}; the
   *     chain's name when the call was reported through {@link ReplicaSet#succeeded(int)}, which names no method
   * @param replica the replica's index, from 0
   */
  default void onReplicaReadmitted(String method, int replica) {}

  /**
   * Called when a replica of a restartable {@link ReplicaSet} has been re-created by its factory, after its old
   * instance was closed.
   *
   * @param method the replicated method whose call or probe was about to reach the replica, as
   *     {@code com.example.Answerer/answer}; the chain's name when it came through {@link ReplicaSet#available(int)},
   *     which names no method
   * @param replica the replica's index, from 0
   */
  default void onReplicaRestarted(String method, int replica) {}

  /**
   * Called when a {@code HEDGED} call sends a hedge, and the hedging budget allows an extra call: no replica has
   * answered within the hedge delay, or one failed while others were still under way.
   *
   * @param method the replicated method, as {@code com.example.Answerer/answer}
   * @param replica the replica the hedge goes to, from 0
   * @param waitingOn a replica whose call is still under way: the one the call was sent to first, unless that one
   *     has failed, and then the lowest index under way
   */
  default void onHedgeSent(String method, int replica, int waitingOn) {}

  /**
   * Called when a hedge's success wins a {@code HEDGED} call, before the replica first called answered; the other
   * calls still under way are cancelled.
   *
   * @param method the replicated method, as {@code com.example.Answerer/answer}
   * @param replica the replica whose hedge won, from 0
   * @param first the replica the call was sent to first
   */
  default void onHedgeWon(String method, int replica, int first) {}
}
