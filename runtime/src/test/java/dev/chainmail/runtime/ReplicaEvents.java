package dev.chainmail.runtime;

import java.util.ArrayList;
import java.util.List;

/** A listener for tests that records replica events as text, such as {@code "ejected m#1 boom"}. Thread-safe. */
final class ReplicaEvents implements ChainmailListener {

  private final List<String> events = new ArrayList<>();
  private final List<Throwable> failures = new ArrayList<>();

  @Override
  public synchronized void onReplicaEjected(String method, int replica, Throwable failure) {
    events.add("ejected " + method + "#" + replica + " " + failure.getMessage());
    failures.add(failure);
  }

  @Override
  public synchronized void onReplicaReadmitted(String method, int replica) {
    events.add("readmitted " + method + "#" + replica);
  }

  @Override
  public synchronized void onReplicaRestarted(String method, int replica) {
    events.add("restarted " + method + "#" + replica);
  }

  synchronized List<String> events() {
    return List.copyOf(events);
  }

  synchronized List<Throwable> failures() {
    return List.copyOf(failures);
  }
}
