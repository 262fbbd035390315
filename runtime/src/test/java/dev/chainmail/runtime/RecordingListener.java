package dev.chainmail.runtime;

import java.util.ArrayList;
import java.util.List;

/** A listener for tests that records every event, with the clock's reading when it arrived. Thread-safe. */
final class RecordingListener implements ChainmailListener {

  /** One event: {@code kind} is "retry", "exhausted" or "fallback"; unused fields are zero or null. */
  record Event(String kind, String method, int attempt, Throwable failure, long pauseNanos, long atNanos) {}

  private final Clock clock;
  private final List<Event> events = new ArrayList<>();
  private final List<String> transitions = new ArrayList<>();

  RecordingListener(Clock clock) {
    this.clock = clock;
  }

  static Event retry(String method, int attempt, Throwable failure, long pauseNanos, long atNanos) {
    return new Event("retry", method, attempt, failure, pauseNanos, atNanos);
  }

  static Event exhausted(String method, int attempts, Throwable failure, long atNanos) {
    return new Event("exhausted", method, attempts, failure, 0, atNanos);
  }

  @Override
  public synchronized void onRetry(String method, int attempt, Throwable failure, long pauseNanos) {
    events.add(retry(method, attempt, failure, pauseNanos, clock.nanoTime()));
  }

  @Override
  public synchronized void onRetriesExhausted(String method, int attempts, Throwable failure) {
    events.add(exhausted(method, attempts, failure, clock.nanoTime()));
  }

  @Override
  public synchronized void onFallback(String method, Throwable failure) {
    events.add(new Event("fallback", method, 0, failure, 0, clock.nanoTime()));
  }

  @Override
  public synchronized void onStateChange(String breaker, CircuitBreakerPolicy.State from,
      CircuitBreakerPolicy.State to) {
    transitions.add(breaker + ": " + from + " -> " + to);
  }

  /** @return each breaker transition heard, as {@code "breaker: FROM -> TO"} */
  synchronized List<String> transitions() {
    return List.copyOf(transitions);
  }

  synchronized List<Event> events() {
    return List.copyOf(events);
  }
}
