package dev.chainmail.behaviour;

import dev.chainmail.runtime.ChainmailListener;
import java.util.ArrayList;
import java.util.List;

/** A listener that records every event in order. Thread-safe. */
final class RecordingListener implements ChainmailListener {

  /** One event: {@code kind} is "retry", "exhausted" or "fallback"; unused fields are zero or null. */
  record Event(String kind, String method, int attempt, Throwable failure, long pauseNanos) {}

  private final List<Event> events = new ArrayList<>();

  static Event retry(String method, int attempt, Throwable failure, long pauseNanos) {
    return new Event("retry", method, attempt, failure, pauseNanos);
  }

  static Event exhausted(String method, int attempts, Throwable failure) {
    return new Event("exhausted", method, attempts, failure, 0);
  }

  static Event fallback(String method, Throwable failure) {
    return new Event("fallback", method, 0, failure, 0);
  }

  @Override
  public synchronized void onRetry(String method, int attempt, Throwable failure, long pauseNanos) {
    events.add(retry(method, attempt, failure, pauseNanos));
  }

  @Override
  public synchronized void onRetriesExhausted(String method, int attempts, Throwable failure) {
    events.add(exhausted(method, attempts, failure));
  }

  @Override
  public synchronized void onFallback(String method, Throwable failure) {
    events.add(fallback(method, failure));
  }

  synchronized List<Event> events() {
    return List.copyOf(events);
  }
}
