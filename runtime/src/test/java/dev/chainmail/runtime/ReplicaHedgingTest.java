package dev.chainmail.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code HEDGED} over asynchronous calls, in virtual time: each replica's call is a future the test completes. */
class ReplicaHedgingTest {

  private static final String M = "com.example.Answerer/answer";
  private static final long MS = 1_000_000L;

  private final VirtualTime time = new VirtualTime();
  private final List<String> events = new CopyOnWriteArrayList<>();
  private final ChainmailListener listener = new ChainmailListener() {
    @Override
    public void onHedgeSent(String method, int replica, int waitingOn) {
      events.add("sent " + replica + " waiting on " + waitingOn);
    }

    @Override
    public void onHedgeWon(String method, int replica, int first) {
      events.add("won " + replica + " over " + first);
    }
  };
  private ChainmailContext context = ChainmailContext.builder().clock(time).sleeper(time).listener(listener)
      .flightRecorder(false).build();
  /** The calls made, per replica. */
  private final List<List<CompletableFuture<String>>> calls = new ArrayList<>();

  private ReplicaPolicy hedged(int replicas, ReplicaPolicy.Builder builder) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < replicas; i++) {
      names.add("r" + i);
      calls.add(new ArrayList<>());
    }
    ReplicaDetection detection = ReplicaDetection.builder("com.example.Answerer").ejectAfter(3)
        .maxEjectedPercent(100).build();
    return builder.build(ReplicaSet.of(context, detection, names));
  }

  private ReplicaPolicy hedged(int replicas) {
    return hedged(replicas, ReplicaPolicy.builder(M, ReplicaStrategy.HEDGED).hedgeDelay("100ms"));
  }

  /** HEDGED with a delay of 100 ms and up to two hedges per call. */
  private ReplicaPolicy hedgedTwice(int replicas) {
    return hedged(replicas, ReplicaPolicy.builder(M, ReplicaStrategy.HEDGED).hedgeDelay("100ms").maxHedges(2));
  }

  private CompletableFuture<String> call(ReplicaPolicy policy) {
    return policy.async(replica -> {
      CompletableFuture<String> future = new CompletableFuture<>();
      calls.get(replica).add(future);
      return future;
    }, failure -> failure instanceof IOException);
  }

  private CompletableFuture<String> last(int replica) {
    List<CompletableFuture<String>> made = calls.get(replica);
    return made.get(made.size() - 1);
  }

  @Test
  void aFastAnswerSendsNoHedge() {
    ReplicaPolicy policy = hedged(3);
    CompletableFuture<String> answer = call(policy);
    time.advance(50 * MS);
    last(0).complete("fast");
    time.advance(500 * MS);
    assertEquals("fast", answer.join());
    assertEquals(0, calls.get(1).size());
    assertEquals(List.of(), events);
  }

  @Test
  void aSlowReplicaIsHedgedAfterTheDelayAndTheFirstSuccessWins() {
    ReplicaPolicy policy = hedged(3);
    CompletableFuture<String> answer = call(policy);
    time.advance(100 * MS - 1);
    assertEquals(0, calls.get(1).size());
    time.advance(1);
    assertEquals(1, calls.get(1).size(), "the hedge went to the next replica when the delay passed");
    assertEquals(0, calls.get(2).size(), "maxHedges is 1");

    last(1).complete("hedge");
    assertEquals("hedge", answer.join());
    assertTrue(last(0).isCancelled(), "the loser was cancelled");
    assertEquals(List.of("sent 1 waiting on 0", "won 1 over 0"), events);
    time.advance(10_000 * MS);
    assertEquals(0, calls.get(2).size());
  }

  @Test
  void aFailureDoesNotWinAndSendsTheNextCallAtOnce() {
    ReplicaPolicy policy = hedgedTwice(3);
    CompletableFuture<String> answer = call(policy);
    time.advance(100 * MS);
    last(1).completeExceptionally(new IOException("hedge failed fast"));
    assertEquals(1, calls.get(2).size(), "the failure sent the next hedge at once");
    assertFalse(answer.isDone());
    last(0).complete("slow but right");
    assertEquals("slow but right", answer.join());
    assertTrue(last(2).isCancelled());
    assertEquals(1, policy.replicas().health().get(1).consecutiveFailures(), "the early failure counted");
  }

  @Test
  void aHedgeSentAfterTheFirstReplicaFailedWaitsOnOneStillUnderWay() {
    ReplicaPolicy policy = hedgedTwice(3);
    CompletableFuture<String> answer = call(policy);
    time.advance(100 * MS);
    last(0).completeExceptionally(new IOException("first failed"));
    assertEquals(1, calls.get(2).size(), "the failure sent the next hedge at once");
    last(2).complete("third");
    assertEquals("third", answer.join());
    assertEquals(List.of("sent 1 waiting on 0", "sent 2 waiting on 1", "won 2 over 0"), events,
        "the second hedge waits on replica 1: replica 0 has answered, with a failure");
  }

  @Test
  void aHedgeAfterAFailoverWaitsOnTheReplicaFailedOverTo() {
    ReplicaPolicy policy = hedged(3);
    CompletableFuture<String> answer = call(policy);
    last(0).completeExceptionally(new IOException("first failed"));
    assertEquals(1, calls.get(1).size(), "a failure with nothing under way fails over");
    time.advance(100 * MS);
    assertEquals(1, calls.get(2).size());
    last(2).complete("hedge");
    assertEquals("hedge", answer.join());
    assertEquals(List.of("sent 2 waiting on 1", "won 2 over 0"), events);
  }

  @Test
  void aFixedDelayIsKeptWhateverTheLatencies() {
    ReplicaPolicy policy = hedged(2);
    for (int i = 0; i < 50; i++) {
      CompletableFuture<String> answer = call(policy);
      time.advance(MS);
      last(0).complete("fast");
      answer.join();
    }
    CompletableFuture<String> answer = call(policy);
    time.advance(100 * MS - 1);
    assertEquals(0, calls.get(1).size(), "fast answers did not shorten a fixed delay");
    time.advance(1);
    assertEquals(1, calls.get(1).size());
    last(1).complete("hedge");
    assertEquals("hedge", answer.join());
  }

  @Test
  void whenEveryCallFailsTheLastFailureCarriesTheOthers() {
    ReplicaPolicy policy = hedged(2);
    CompletableFuture<String> answer = call(policy);
    time.advance(100 * MS);
    IOException first = new IOException("first");
    last(0).completeExceptionally(first);
    last(1).completeExceptionally(new IOException("second"));
    Throwable failure = assertThrows(CompletionException.class, answer::join).getCause();
    assertEquals("second", failure.getMessage());
    assertSame(first, failure.getSuppressed()[0]);
  }

  @Test
  void aLosersLateFailureCountsAgainstNoReplica() {
    ReplicaPolicy policy = hedged(2);
    CompletableFuture<String> answer = call(policy);
    time.advance(100 * MS);
    last(1).complete("hedge");
    assertEquals("hedge", answer.join());
    // The cancelled loser's CancellationException came after the winner: dropped.
    assertEquals(0, policy.replicas().health().get(0).consecutiveFailures());
  }

  @Test
  void withNoBudgetACallWaitsOnItsFirstReplicaAndFailsOver() {
    ReplicaPolicy policy = hedged(2, ReplicaPolicy.builder(M, ReplicaStrategy.HEDGED).hedgeDelay("100ms")
        .hedgeBudget(0));
    CompletableFuture<String> answer = call(policy);
    time.advance(10_000 * MS);
    assertEquals(0, calls.get(1).size(), "no hedge without a budget");
    last(0).completeExceptionally(new IOException("down"));
    assertEquals(1, calls.get(1).size(), "a failure fails over, as FAILOVER does");
    last(1).complete("second");
    assertEquals("second", answer.join());
    assertEquals(List.of(), events);
  }

  @Test
  void theBudgetThrottlesHedgesUnderLoad() {
    ReplicaPolicy policy = hedged(2);
    int callsMade = 2000;
    List<CompletableFuture<String>> answers = new ArrayList<>();
    // Within one 10 s window: every call slow, so every call would hedge without a budget.
    for (int i = 0; i < callsMade; i++) {
      answers.add(call(policy));
    }
    time.advance(100 * MS);
    int hedges = calls.get(1).size();
    assertEquals(100 + callsMade / 10, hedges, "10% of the calls, plus the floor of 100");
    for (int i = 0; i < callsMade; i++) {
      calls.get(0).get(i).complete("ok");
    }
    answers.forEach(answer -> assertEquals("ok", answer.join()));
  }

  @Test
  void cancellingTheCallCancelsEveryReplicasCall() {
    ReplicaPolicy policy = hedged(2);
    CompletableFuture<String> answer = call(policy);
    time.advance(100 * MS);
    answer.cancel(false);
    assertTrue(last(0).isCancelled());
    assertTrue(last(1).isCancelled());
    assertEquals(0, policy.replicas().health().get(0).consecutiveFailures());
  }

  @Test
  void theAdaptiveDelayStartsAt2sAndConvergesToTheP95OfSuccesses() {
    ReplicaPolicy policy = hedged(2, ReplicaPolicy.builder(M, ReplicaStrategy.HEDGED));
    CompletableFuture<String> early = call(policy);
    time.advance(1_999 * MS);
    assertEquals(0, calls.get(1).size(), "2s until the latencies are known");
    time.advance(MS);
    assertEquals(1, calls.get(1).size());
    last(0).complete("a");
    early.join();

    // 100 more calls: 98 of them answer in 10 ms, two in 500 ms; with the first, 3% are slow.
    for (int i = 0; i < 100; i++) {
      CompletableFuture<String> answer = call(policy);
      long latency = i % 40 == 39 ? 500 * MS : 10 * MS;
      time.advance(latency);
      last(0).complete("ok");
      answer.join();
    }
    CompletableFuture<String> next = call(policy);
    int before = calls.get(1).size();
    time.advance(11 * MS);
    assertEquals(before + 1, calls.get(1).size(), "the delay is now the p95, 10 ms to within a quarter");
    last(0).complete("ok");
    next.join();
  }

  @Test
  void configOverridesTheHedgingKnobs() {
    context = ChainmailContext.builder().clock(time).sleeper(time).listener(listener).flightRecorder(false)
        .config(ChainmailConfig.of(Map.of(M + "/Replicated/hedgeDelay", "1s", "Replicated/maxHedges", "2")))
        .build();
    ReplicaPolicy policy = hedged(3, ReplicaPolicy.builder(M, ReplicaStrategy.HEDGED).hedgeDelay("100ms"));
    call(policy);
    time.advance(999 * MS);
    assertEquals(0, calls.get(1).size());
    time.advance(MS);
    time.advance(1_000 * MS);
    assertEquals(1, calls.get(2).size(), "two hedges, a second apart");
  }

  @Test
  void hedgingKnobsBelongToHedged() {
    ReplicaPolicy.Builder failover = ReplicaPolicy.builder(M, ReplicaStrategy.FAILOVER);
    ConfigurationException wrong = assertThrows(ConfigurationException.class, () -> failover.maxHedges(2));
    assertTrue(wrong.getMessage().contains("maxHedges is given for the FAILOVER strategy"), wrong.getMessage());
    ReplicaPolicy.Builder hedged = ReplicaPolicy.builder(M, ReplicaStrategy.HEDGED);
    assertThrows(ConfigurationException.class, () -> hedged.maxHedges(0));
    assertThrows(ConfigurationException.class, () -> hedged.hedgeBudget(1.5));
    assertThrows(ConfigurationException.class, () -> hedged.hedgeDelay("0s"));
    assertThrows(ConfigurationException.class, () -> hedged.hedgeDelay("soon"));
  }

  @Test
  void aSynchronousCallerInterruptedWhileWaitingCancelsEveryReplicasCall() throws Exception {
    ExecutorService threads = Executors.newCachedThreadPool();
    context = ChainmailContext.builder().clock(time).sleeper(time).listener(listener).flightRecorder(false)
        .replicaExecutor(threads).build();
    ReplicaPolicy policy = hedged(2);
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(1);
    Throwable[] thrown = new Throwable[1];
    Thread caller = new Thread(() -> {
      try {
        policy.call(replica -> {
          started.countDown();
          try {
            new CountDownLatch(1).await(); // a replica that never answers: only an interrupt ends its call
          } catch (InterruptedException e) {
            interrupted.countDown();
          }
          return "late";
        }, failure -> true);
      } catch (Throwable failure) {
        thrown[0] = failure;
      }
    });
    caller.start();
    assertTrue(started.await(10, TimeUnit.SECONDS));
    caller.interrupt();
    caller.join(10_000);
    assertTrue(thrown[0] instanceof CancellationException, String.valueOf(thrown[0]));
    assertTrue(interrupted.await(10, TimeUnit.SECONDS), "the replica's thread was interrupted");
    threads.shutdownNow();
  }

  @Test
  void aSynchronousCallOfAStrategyWithItsOwnLoopIsRefused() {
    ReplicaPolicy failover = hedged(2, ReplicaPolicy.builder(M, ReplicaStrategy.FAILOVER));
    assertThrows(IllegalStateException.class, () -> failover.call(replica -> "x", failure -> true));
  }
}
