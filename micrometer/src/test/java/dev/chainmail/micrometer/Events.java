package dev.chainmail.micrometer;

import dev.chainmail.runtime.BulkheadFullException;
import dev.chainmail.runtime.ChainmailListener;
import dev.chainmail.runtime.CircuitBreakerOpenException;
import dev.chainmail.runtime.CircuitBreakerPolicy.State;
import dev.chainmail.runtime.RateLimitedException;
import dev.chainmail.runtime.TimeoutExceededException;

/** Every listener event once, for tests about all meters at once. */
final class Events {

  private Events() {}

  static void fireEach(ChainmailListener listener, String method) {
    IllegalStateException failure = new IllegalStateException("down");
    listener.onRetry(method, 1, failure, 1_000_000L);
    listener.onRetriesExhausted(method, 2, failure);
    listener.onFallback(method, failure);
    listener.onStateChange(method, State.CLOSED, State.OPEN);
    listener.onCallNotPermitted(method, new CircuitBreakerOpenException(method, "open", null));
    listener.onTimeout(method, new TimeoutExceededException(method, "late", null));
    listener.onBulkheadFull(method, new BulkheadFullException(method, "full", null));
    listener.onRateLimited(method, new RateLimitedException(method, "limited", null));
    listener.onReplicaEjected(method, 0, failure);
    listener.onReplicaReadmitted(method, 0);
    listener.onReplicaRestarted(method, 0);
  }
}
