package dev.chainmail.runtime.checkpoint;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The records of one step name in one run, by key, and the count of that name's calls so far. This class is
 * thread-safe.
 */
final class StepTable {

  final String name;
  /** The recorded results and STARTED markers, by key. Written under the run's lock, read without it. */
  final ConcurrentHashMap<String, StepCall> rows = new ConcurrentHashMap<>();
  private final AtomicInteger occurrences = new AtomicInteger();

  StepTable(String name) {
    this.name = name;
  }

  /** @return the number of earlier calls of this name counted by occurrence, and counts this one */
  int nextOccurrence() {
    int occurrence = occurrences.getAndIncrement();
    if (occurrence < 0) {
      throw new IllegalStateException("step '" + name + "' was called more than " + Integer.MAX_VALUE
          + " times in one run; give it a @StepKey");
    }
    return occurrence;
  }
}
