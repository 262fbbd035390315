package dev.chainmail.behaviour;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Scripts the outcomes of a fixture method: each call runs the hooks, then throws the next queued failure (checked
 * ones included) or, once the queue is empty, returns normally. Counts the calls. Not thread-safe: one test thread.
 */
final class Script {

  private final Deque<Throwable> failures = new ArrayDeque<>();
  private final List<Runnable> hooks = new ArrayList<>();
  private int calls;

  /** Queues failures, thrown one per call in this order; the call after the last one succeeds. */
  Script failWith(Throwable... thrown) {
    failures.addAll(List.of(thrown));
    return this;
  }

  /** Runs {@code hook} at the start of every call, before the call fails or succeeds. */
  Script onEachCall(Runnable hook) {
    hooks.add(hook);
    return this;
  }

  /** One call of the scripted method: counts it, runs the hooks, throws the next failure if one is queued. */
  void step() {
    calls++;
    for (Runnable hook : hooks) {
      hook.run();
    }
    Throwable next = failures.poll();
    if (next != null) {
      Script.<RuntimeException>sneakyThrow(next);
    }
  }

  int calls() {
    return calls;
  }

  /** How many queued failures were not thrown. */
  int remaining() {
    return failures.size();
  }

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> void sneakyThrow(Throwable failure) throws E {
    throw (E) failure;
  }
}
