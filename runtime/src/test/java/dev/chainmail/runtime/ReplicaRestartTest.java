package dev.chainmail.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ReplicaRestartTest {

  private static final String CHAIN = ReplicaSetTest.CHAIN;
  private static final String M = ReplicaSetTest.M;
  private static final long SECOND = ReplicaSetTest.SECOND;

  /** A replica that records whether it was closed. */
  static final class Conn implements AutoCloseable {
    final int generation;
    boolean closed;
    final boolean failToClose;

    Conn(int generation, boolean failToClose) {
      this.generation = generation;
      this.failToClose = failToClose;
    }

    @Override
    public void close() throws IOException {
      closed = true;
      if (failToClose) {
        throw new IOException("cannot close");
      }
    }
  }

  /** A factory whose next outcomes the test sets. */
  static final class Factory implements Supplier<Conn> {
    final List<Conn> made = new ArrayList<>();
    final List<String> plan = new ArrayList<>();
    boolean failToClose;

    @Override
    public Conn get() {
      String next = plan.isEmpty() ? "ok" : plan.remove(0);
      if (next.equals("throw")) {
        throw new IllegalStateException("factory failed");
      }
      if (next.equals("null")) {
        return null;
      }
      Conn conn = new Conn(made.size(), failToClose);
      made.add(conn);
      return conn;
    }
  }

  private final VirtualTime time = new VirtualTime();
  private final ReplicaEvents events = new ReplicaEvents();
  private final ChainmailContext context = ChainmailContext.builder().clock(time).listener(events).build();
  private final Factory zero = new Factory();
  private final Factory one = new Factory();

  private ReplicaSet<Conn> set(ReplicaDetection.Builder detection) {
    return ReplicaSet.restartable(context, detection.build(), List.of(zero, one));
  }

  private static ReplicaDetection.Builder detection() {
    return ReplicaDetection.builder(CHAIN).ejectAfter(1).ejectFor("1s").maxEjectFor("10s");
  }

  @Test
  void callsEachFactoryOnceNow() {
    ReplicaSet<Conn> set = set(detection());
    assertEquals(1, zero.made.size());
    assertEquals(1, one.made.size());
    assertSame(zero.made.get(0), set.replica(0));
    assertTrue(set.available(0));
  }

  @Test
  void reCreatesAnEjectedReplicaWhenItIsReadmittedAndClosesTheOld() {
    ReplicaSet<Conn> set = set(detection());
    Conn old = set.replica(0);
    set.failed(0, M, new IOException("broken"));
    time.advance(SECOND);
    assertEquals(1, zero.made.size(), "nothing is re-created before the replica is seen again");
    assertTrue(set.available(0, M));
    assertEquals(2, zero.made.size());
    assertSame(zero.made.get(1), set.replica(0));
    assertTrue(old.closed);
    assertFalse(set.replica(0).closed);
    assertEquals(List.of("ejected " + M + "#0 broken", "restarted " + M + "#0"), events.events());
    set.succeeded(0, M);
    assertEquals("readmitted " + M + "#0", events.events().get(2));
  }

  @Test
  void aCloseFailureIsIgnored() {
    zero.failToClose = true;
    ReplicaSet<Conn> set = set(detection());
    Conn old = set.replica(0);
    set.failed(0, M, new IOException("broken"));
    time.advance(SECOND);
    assertTrue(set.available(0));
    assertTrue(old.closed);
    assertNotSame(old, set.replica(0));
  }

  @Test
  void aThrowingFactoryDoublesTheEjectionThenIsCalledAgain() {
    ReplicaSet<Conn> set = set(detection());
    Conn old = set.replica(0);
    set.failed(0, M, new IOException("broken"));
    zero.plan.add("throw");
    time.advance(SECOND);
    assertFalse(set.available(0, M));
    assertSame(old, set.replica(0));
    assertFalse(old.closed);
    assertEquals(2, set.health().get(0).ejections());
    assertTrue(set.health().get(0).ejected());
    time.advance(2 * SECOND - 1);
    assertFalse(set.available(0));
    time.advance(1);
    assertTrue(set.available(0));
    assertEquals(2, zero.made.size());
    assertEquals(List.of("ejected " + M + "#0 broken", "ejected " + M + "#0 factory failed",
        "restarted " + CHAIN + "#0"), events.events());
  }

  @Test
  void aFactoryThatFailsAtFirstLeavesItsReplicaEjected() {
    one.plan.add("null");
    ReplicaSet<Conn> set = set(detection().maxEjectedPercent(100));
    assertNull(set.replica(1));
    assertFalse(set.available(1));
    assertEquals(new ReplicaHealth(1, true, 0, 0, 1), set.health().get(1));
    assertEquals(List.of("ejected " + CHAIN + "#1 " + CHAIN + ": the factory of replica 1 returned null; a factory "
        + "must return a new replica or throw"), events.events());
    set.failed(0, M, new IOException("broken"));
    assertEquals(0, set.earliestEjected(), "both ejected at 0; the one with an instance is preferred");
    time.advance(SECOND);
    assertTrue(set.available(1));
    assertSame(one.made.get(0), set.replica(1));
    assertEquals(2, events.events().size(), "no restart event for a replica that never had an instance");
    assertEquals("ejected " + M + "#0 broken", events.events().get(1));
  }

  @Test
  void aHeartbeatReCreatesAnEjectedReplicaBeforeProbingIt() {
    ReplicaSet<Conn> set = set(detection().ejectFor("60s").maxEjectFor("60s").heartbeatEvery("1s"));
    List<Integer> probed = new ArrayList<>();
    set.startHeartbeat("com.example.Answerer/ping", conn -> {
      probed.add(conn.generation);
      return true;
    });
    set.failed(1, M, new IOException("broken"));
    time.advance(SECOND);
    assertEquals(List.of(0, 1), probed, "replica 1 was re-created as generation 1 before its probe");
    assertTrue(one.made.get(0).closed);
    assertTrue(set.available(1));
    assertEquals(List.of("ejected " + M + "#1 broken", "restarted com.example.Answerer/ping#1",
        "readmitted com.example.Answerer/ping#1"), events.events());
    set.close();
  }
}
