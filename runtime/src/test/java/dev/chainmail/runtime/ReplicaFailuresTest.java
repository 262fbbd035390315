package dev.chainmail.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class ReplicaFailuresTest {

  @Test
  void attachesEarlierFailuresInOrder() {
    IOException a = new IOException("a");
    IOException b = new IOException("b");
    IOException last = new IOException("last");
    ReplicaFailures failures = ReplicaFailures.add(ReplicaFailures.add(null, a), b);
    assertEquals(2, failures.size());
    assertSame(last, ReplicaFailures.attach(failures, last));
    assertArrayEquals(new Throwable[] {a, b}, last.getSuppressed());
  }

  @Test
  void withNoEarlierFailureReturnsTheLastUnchanged() {
    IOException last = new IOException("last");
    assertSame(last, ReplicaFailures.attach(null, last));
    assertEquals(0, last.getSuppressed().length);
  }

  @Test
  void skipsTheLastItselfAndRepeats() {
    IllegalStateException shared = new IllegalStateException("shared");
    IOException other = new IOException("other");
    ReplicaFailures failures = ReplicaFailures.add(ReplicaFailures.add(ReplicaFailures.add(null, shared), other),
        shared);
    assertSame(shared, ReplicaFailures.attach(failures, shared));
    assertArrayEquals(new Throwable[] {other}, shared.getSuppressed());
    IOException last = new IOException("last");
    ReplicaFailures.attach(failures, last);
    assertArrayEquals(new Throwable[] {shared, other}, last.getSuppressed());
  }
}
