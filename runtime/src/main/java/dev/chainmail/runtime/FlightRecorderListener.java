package dev.chainmail.runtime;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * Records every listener event as a JDK Flight Recorder event, under the category {@code Chainmail}, so that
 * {@code jcmd <pid> JFR.start} or {@code -XX:StartFlightRecording} shows them in JDK Mission Control. While no
 * recording has an event enabled, each call costs one check of that event's enabled flag; events are only ever
 * reported on the failure path. Stateless and thread-safe.
 */
final class FlightRecorderListener implements ChainmailListener {

  static final FlightRecorderListener INSTANCE = new FlightRecorderListener();

  private FlightRecorderListener() {}

  @Override
  public void onRetry(String method, int attempt, Throwable failure, long pauseNanos) {
    RetryEvent event = new RetryEvent();
    if (event.isEnabled()) {
      event.method = method;
      event.attempt = attempt;
      event.pause = pauseNanos;
      event.setFailure(failure);
      event.commit();
    }
  }

  @Override
  public void onRetriesExhausted(String method, int attempts, Throwable failure) {
    RetriesExhaustedEvent event = new RetriesExhaustedEvent();
    if (event.isEnabled()) {
      event.method = method;
      event.attempts = attempts;
      event.setFailure(failure);
      event.commit();
    }
  }

  @Override
  public void onFallback(String method, Throwable failure) {
    FallbackEvent event = new FallbackEvent();
    if (event.isEnabled()) {
      event.method = method;
      event.setFailure(failure);
      event.commit();
    }
  }

  @Override
  public void onStateChange(String breaker, CircuitBreakerPolicy.State from, CircuitBreakerPolicy.State to) {
    BreakerStateEvent event = new BreakerStateEvent();
    if (event.isEnabled()) {
      event.breaker = breaker;
      event.from = from.name();
      event.to = to.name();
      event.commit();
    }
  }

  @Override
  public void onCallNotPermitted(String breaker, CircuitBreakerOpenException rejection) {
    CallNotPermittedEvent event = new CallNotPermittedEvent();
    if (event.isEnabled()) {
      event.breaker = breaker;
      event.message = rejection.getMessage();
      event.commit();
    }
  }

  @Override
  public void onTimeout(String method, TimeoutExceededException timeout) {
    TimeoutEvent event = new TimeoutEvent();
    if (event.isEnabled()) {
      event.method = method;
      event.message = timeout.getMessage();
      event.commit();
    }
  }

  @Override
  public void onBulkheadFull(String bulkhead, BulkheadFullException rejection) {
    BulkheadFullEvent event = new BulkheadFullEvent();
    if (event.isEnabled()) {
      event.bulkhead = bulkhead;
      event.message = rejection.getMessage();
      event.commit();
    }
  }

  @Override
  public void onRateLimited(String limiter, RateLimitedException rejection) {
    RateLimitedEvent event = new RateLimitedEvent();
    if (event.isEnabled()) {
      event.limiter = limiter;
      event.message = rejection.getMessage();
      event.commit();
    }
  }

  @Override
  public void onReplicaEjected(String method, int replica, Throwable failure) {
    ReplicaEjectedEvent event = new ReplicaEjectedEvent();
    if (event.isEnabled()) {
      event.method = method;
      event.replica = replica;
      event.setFailure(failure);
      event.commit();
    }
  }

  @Override
  public void onReplicaReadmitted(String method, int replica) {
    ReplicaReadmittedEvent event = new ReplicaReadmittedEvent();
    if (event.isEnabled()) {
      event.method = method;
      event.replica = replica;
      event.commit();
    }
  }

  @Override
  public void onReplicaRestarted(String method, int replica) {
    ReplicaRestartedEvent event = new ReplicaRestartedEvent();
    if (event.isEnabled()) {
      event.method = method;
      event.replica = replica;
      event.commit();
    }
  }

  @Override
  public void onHedgeSent(String method, int replica, int waitingOn) {
    HedgeSentEvent event = new HedgeSentEvent();
    if (event.isEnabled()) {
      event.method = method;
      event.replica = replica;
      event.other = waitingOn;
      event.commit();
    }
  }

  @Override
  public void onHedgeWon(String method, int replica, int first) {
    HedgeWonEvent event = new HedgeWonEvent();
    if (event.isEnabled()) {
      event.method = method;
      event.replica = replica;
      event.other = first;
      event.commit();
    }
  }

  /** An event that carries a failure, as its class name and message. */
  @Category("Chainmail")
  @StackTrace(false)
  abstract static class FailureEvent extends Event {
    @Label("Failure")
    @Description("The class of what the call threw")
    String failure;

    @Label("Message")
    String message;

    /** Records {@code thrown}; null, for an attempt whose result {@code retryOnResult} rejected, records none. */
    final void setFailure(Throwable thrown) {
      if (thrown != null) {
        failure = thrown.getClass().getName();
        message = thrown.getMessage();
      }
    }
  }

  @Name("dev.chainmail.Retry")
  @Label("Retry")
  @Description("An attempt failed and another follows after a pause")
  static final class RetryEvent extends FailureEvent {
    @Label("Method")
    String method;

    @Label("Attempt")
    @Description("The attempt that failed, from 1")
    int attempt;

    @Label("Pause")
    @Timespan(Timespan.NANOSECONDS)
    long pause;
  }

  @Name("dev.chainmail.RetriesExhausted")
  @Label("Retries Exhausted")
  @Description("A failure that retryOn accepts was not retried: attempts, maxDuration or an interrupt ended them")
  static final class RetriesExhaustedEvent extends FailureEvent {
    @Label("Method")
    String method;

    @Label("Attempts")
    int attempts;
  }

  @Name("dev.chainmail.Fallback")
  @Label("Fallback")
  @Description("A fallback method answered a failure")
  static final class FallbackEvent extends FailureEvent {
    @Label("Method")
    String method;
  }

  @Name("dev.chainmail.ReplicaEjected")
  @Label("Replica Ejected")
  @Description("A replica was ejected after failing")
  static final class ReplicaEjectedEvent extends FailureEvent {
    @Label("Method")
    String method;

    @Label("Replica")
    int replica;
  }

  @Name("dev.chainmail.CircuitBreakerStateChange")
  @Label("Circuit Breaker State Change")
  @Category("Chainmail")
  @StackTrace(false)
  static final class BreakerStateEvent extends Event {
    @Label("Breaker")
    String breaker;

    @Label("From")
    String from;

    @Label("To")
    String to;
  }

  /** A call a guard turned away, with the rejection's message. */
  @Category("Chainmail")
  @StackTrace(false)
  abstract static class RejectionEvent extends Event {
    @Label("Message")
    String message;
  }

  @Name("dev.chainmail.CallNotPermitted")
  @Label("Call Not Permitted")
  @Description("A circuit breaker rejected a call")
  static final class CallNotPermittedEvent extends RejectionEvent {
    @Label("Breaker")
    String breaker;
  }

  @Name("dev.chainmail.Timeout")
  @Label("Timeout")
  @Description("An attempt outlived its timeout")
  static final class TimeoutEvent extends RejectionEvent {
    @Label("Method")
    String method;
  }

  @Name("dev.chainmail.BulkheadFull")
  @Label("Bulkhead Full")
  @Description("A bulkhead rejected a call")
  static final class BulkheadFullEvent extends RejectionEvent {
    @Label("Bulkhead")
    String bulkhead;
  }

  @Name("dev.chainmail.RateLimited")
  @Label("Rate Limited")
  @Description("A rate limiter rejected a call")
  static final class RateLimitedEvent extends RejectionEvent {
    @Label("Rate Limiter")
    String limiter;
  }

  /** A replica event with no failure. */
  @Category("Chainmail")
  @StackTrace(false)
  abstract static class ReplicaEvent extends Event {
    @Label("Method")
    String method;

    @Label("Replica")
    int replica;
  }

  @Name("dev.chainmail.ReplicaReadmitted")
  @Label("Replica Readmitted")
  @Description("An ejected replica was healthy again")
  static final class ReplicaReadmittedEvent extends ReplicaEvent {}

  @Name("dev.chainmail.ReplicaRestarted")
  @Label("Replica Restarted")
  @Description("A restartable replica was re-created by its factory")
  static final class ReplicaRestartedEvent extends ReplicaEvent {}

  @Name("dev.chainmail.HedgeSent")
  @Label("Hedge Sent")
  @Description("A hedged call sent an extra call, its first replica not having answered within the hedge delay")
  static final class HedgeSentEvent extends ReplicaEvent {
    @Label("Waiting On")
    int other;
  }

  @Name("dev.chainmail.HedgeWon")
  @Label("Hedge Won")
  @Description("A hedge answered first, and the other calls of its hedged call were cancelled")
  static final class HedgeWonEvent extends ReplicaEvent {
    @Label("First Replica")
    int other;
  }
}
