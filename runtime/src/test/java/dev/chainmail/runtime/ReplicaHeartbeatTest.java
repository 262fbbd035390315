package dev.chainmail.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ReplicaHeartbeatTest {

  private static final String CHAIN = ReplicaSetTest.CHAIN;
  private static final String PING = "com.example.Answerer/ping";
  private static final long SECOND = ReplicaSetTest.SECOND;

  /** A replica whose health the test sets. */
  static final class Node {
    final String name;
    volatile boolean healthy = true;
    final AtomicInteger probes = new AtomicInteger();

    Node(String name) {
      this.name = name;
    }

    boolean ping() throws IOException {
      probes.incrementAndGet();
      if (!healthy) {
        throw new IOException(name + " is down");
      }
      return true;
    }
  }

  private final VirtualTime time = new VirtualTime();
  private final ReplicaEvents events = new ReplicaEvents();
  private final ChainmailContext context = ChainmailContext.builder().clock(time).listener(events).build();
  private final List<Node> nodes = List.of(new Node("a"), new Node("b"), new Node("c"));

  private static ReplicaDetection.Builder detection() {
    return ReplicaDetection.builder(CHAIN).ejectAfter(2).ejectFor("60s").maxEjectFor("600s").heartbeatEvery("1s");
  }

  @Test
  void aSetThatIsNoLongerUsedStopsProbing() {
    WeakReference<ReplicaSet<Node>> set = startedAndDropped();
    for (int i = 0; i < 100 && set.get() != null; i++) {
      System.gc();
    }
    assertNull(set.get(), "the scheduler must not keep a replica set that nobody uses");
    int probes = nodes.get(0).probes.get();
    time.advance(10 * SECOND);
    assertEquals(probes, nodes.get(0).probes.get(), "a collected set's heartbeat stops");
  }

  private WeakReference<ReplicaSet<Node>> startedAndDropped() {
    ReplicaSet<Node> set = ReplicaSet.of(context, detection().build(), nodes);
    set.startHeartbeat(PING, Node::ping);
    time.advance(SECOND);
    assertEquals(1, nodes.get(0).probes.get());
    return new WeakReference<>(set);
  }

  @Test
  void needsAHeartbeatInterval() {
    ReplicaSet<Node> set = ReplicaSet.of(context, ReplicaDetection.builder(CHAIN).build(), nodes);
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> set.startHeartbeat(PING, Node::ping));
    assertEquals(CHAIN + ": cannot start a heartbeat for " + PING + " without an interval; set heartbeatEvery on "
        + "the ReplicaDetection, such as \"10s\"", e.getMessage());
  }

  @Test
  void probesRunOnTheSchedulerNotTheCaller() {
    List<Runnable> tasks = new ArrayList<>();
    List<Long> delays = new ArrayList<>();
    Scheduler capturing = (task, delay) -> {
      tasks.add(task);
      delays.add(delay);
      return () -> {};
    };
    ChainmailContext own = ChainmailContext.builder().clock(time).scheduler(capturing).build();
    ReplicaSet<Node> set = ReplicaSet.of(own, detection().build(), nodes);
    set.startHeartbeat(PING, Node::ping);
    assertEquals(0, nodes.get(0).probes.get(), "nothing is probed on the caller's thread");
    assertEquals(List.of(SECOND), delays);
    tasks.get(0).run();
    for (Node node : nodes) {
      assertEquals(1, node.probes.get());
    }
    assertEquals(List.of(SECOND, SECOND), delays, "each round schedules the next");
  }

  @Test
  void probesEjectAFailingReplica() {
    ReplicaSet<Node> set = ReplicaSet.of(context, detection().build(), nodes);
    set.startHeartbeat(PING, Node::ping);
    nodes.get(1).healthy = false;
    time.advance(SECOND);
    assertTrue(set.available(1));
    time.advance(SECOND);
    assertFalse(set.available(1));
    assertEquals(List.of("ejected " + PING + "#1 b is down"), events.events());
    assertEquals(2, nodes.get(0).probes.get());
  }

  @Test
  void callsAndProbesCountTogether() {
    ReplicaSet<Node> set = ReplicaSet.of(context, detection().build(), nodes);
    set.startHeartbeat(PING, Node::ping);
    set.failed(2, ReplicaSetTest.M, new IOException("call failed"));
    nodes.get(2).healthy = false;
    time.advance(SECOND);
    assertFalse(set.available(2));
  }

  @Test
  void aSuccessfulProbeReadmitsAnEjectedReplicaBeforeItsTimeIsOver() {
    ReplicaSet<Node> set = ReplicaSet.of(context, detection().build(), nodes);
    set.startHeartbeat(PING, Node::ping);
    nodes.get(0).healthy = false;
    time.advance(2 * SECOND);
    assertFalse(set.available(0));
    time.advance(SECOND);
    assertFalse(set.available(0), "an ejected replica that still fails its probe stays ejected");
    nodes.get(0).healthy = true;
    time.advance(SECOND);
    assertTrue(set.available(0));
    assertFalse(set.health().get(0).ejected());
    assertEquals(List.of("ejected " + PING + "#0 a is down", "readmitted " + PING + "#0"), events.events());
  }

  @Test
  void aProbeThatReturnsFalseFails() {
    ReplicaSet<Node> set = ReplicaSet.of(context, detection().build(), nodes);
    set.startHeartbeat(PING, node -> !node.name.equals("c"));
    time.advance(2 * SECOND);
    assertFalse(set.available(2));
    assertEquals(List.of("ejected " + PING + "#2 " + PING + ": the heartbeat probe of replica 2 returned false"),
        events.events());
    assertTrue(events.failures().get(0) instanceof IllegalStateException);
  }

  @Test
  void closeStopsTheHeartbeats() {
    ReplicaSet<Node> set = ReplicaSet.of(context, detection().build(), nodes);
    set.startHeartbeat(PING, Node::ping);
    set.startHeartbeat("com.example.Answerer/health", Node::ping);
    time.advance(SECOND);
    assertEquals(2, nodes.get(0).probes.get());
    set.close();
    set.close();
    time.advance(10 * SECOND);
    assertEquals(2, nodes.get(0).probes.get());
    assertThrows(IllegalStateException.class, () -> set.startHeartbeat(PING, Node::ping));
  }

  @Test
  @Timeout(10)
  void theDefaultSchedulerProbesOnItsOwnThread() throws InterruptedException {
    CountDownLatch probed = new CountDownLatch(3);
    AtomicReference<String> thread = new AtomicReference<>();
    ChainmailContext real = ChainmailContext.builder().build();
    ReplicaSet<Node> set = ReplicaSet.of(real, detection().heartbeatEvery("1ms").build(), nodes);
    try {
      set.startHeartbeat(PING, node -> {
        thread.set(Thread.currentThread().getName());
        probed.countDown();
        return true;
      });
      assertTrue(probed.await(5, TimeUnit.SECONDS));
      assertEquals("chainmail-scheduler", thread.get());
    } finally {
      set.close();
    }
  }

  private ChainmailContext configured(String key, String value) {
    return ChainmailContext.builder().clock(time).listener(events)
        .config(ChainmailConfig.of(Map.of(key, value))).build();
  }

  @Test
  void theHeartbeatsEveryKeyOverridesTheInterval() {
    ReplicaSet<Node> set = ReplicaSet.of(configured(PING + "/Heartbeat/every", "5s"), detection().build(), nodes);
    set.startHeartbeat(PING, Node::ping);
    time.advance(4 * SECOND);
    assertEquals(0, nodes.get(0).probes.get(), "not every 1s any more");
    time.advance(SECOND);
    assertEquals(1, nodes.get(0).probes.get());
    ConfigurationException bad = assertThrows(ConfigurationException.class, () -> ReplicaSet.of(
        configured("Heartbeat/every", "0s"), detection().build(), nodes).startHeartbeat(PING, Node::ping));
    assertTrue(bad.getMessage().startsWith("config key Heartbeat/every = '0s' is invalid: "), bad.getMessage());
  }

  @Test
  void aHeartbeatTurnedOffProbesNothing() {
    ReplicaSet<Node> set = ReplicaSet.of(configured("Heartbeat/enabled", "false"), detection().build(), nodes);
    set.startHeartbeat(PING, Node::ping);
    time.advance(10 * SECOND);
    assertEquals(0, nodes.get(0).probes.get());
  }
}
