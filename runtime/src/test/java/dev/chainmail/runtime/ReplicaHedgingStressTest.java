package dev.chainmail.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Eight threads make hedged and voted calls at once, in real time. Asynchronously: 4,000 hedged calls in all, over
 * three replicas whose calls end after 0 to 3 ms on another thread, one in ten of them failing: every call must end with an answer, and every replica call must
 * end, completed or cancelled. Synchronously: 1,600 calls, hedged and voted, on the replica executor: none lost,
 * and no replica thread left busy.
 */
class ReplicaHedgingStressTest {

  private static final int THREADS = 8;
  private static final int CALLS_PER_THREAD = 500;

  @Test
  @Timeout(120)
  void noCallIsLostAndEveryReplicaCallEnds() throws Exception {
    ChainmailContext context = ChainmailContext.builder().flightRecorder(false).build();
    ReplicaDetection detection = ReplicaDetection.builder("com.example.Answerer").ejectAfter(1_000_000)
        .maxEjectedPercent(100).build();
    ReplicaSet<String> set = ReplicaSet.of(context, detection, List.of("a", "b", "c"));
    ReplicaPolicy policy = ReplicaPolicy.builder("com.example.Answerer/answer", ReplicaStrategy.HEDGED)
        .hedgeDelay("1ms").maxHedges(2).hedgeBudget(1.0).build(set);
    ScheduledExecutorService replies = Executors.newScheduledThreadPool(2);
    ConcurrentLinkedQueue<CompletableFuture<String>> replicaCalls = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<CompletableFuture<String>> answers = new ConcurrentLinkedQueue<>();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      threads.add(new Thread(() -> {
        for (int i = 0; i < CALLS_PER_THREAD; i++) {
          answers.add(policy.async(replica -> {
            CompletableFuture<String> call = new CompletableFuture<>();
            replicaCalls.add(call);
            // Replica 0 fails one call in ten; the others always answer.
            boolean fail = replica == 0 && ThreadLocalRandom.current().nextInt(10) == 0;
            replies.schedule(() -> {
              if (fail) {
                call.completeExceptionally(new java.io.IOException("down"));
              } else {
                call.complete("from " + replica);
              }
            }, ThreadLocalRandom.current().nextInt(3_000), TimeUnit.MICROSECONDS);
            return call;
          }, failure -> true));
        }
      }));
    }
    threads.forEach(Thread::start);
    for (Thread thread : threads) {
      thread.join();
    }
    for (CompletableFuture<String> answer : answers) {
      assertTrue(answer.get(30, TimeUnit.SECONDS).startsWith("from "));
    }
    assertEquals(THREADS * CALLS_PER_THREAD, answers.size());
    replies.shutdown();
    assertTrue(replies.awaitTermination(30, TimeUnit.SECONDS));
    for (CompletableFuture<String> call : replicaCalls) {
      assertTrue(call.isDone(), "every replica call ended, answered or cancelled");
    }
    assertTrue(replicaCalls.size() > answers.size(), "some calls were hedged: " + replicaCalls.size());
  }

  @Test
  @Timeout(120)
  void synchronousCallersLoseNoCallAndLeaveNoReplicaThreadBusy() throws Exception {
    ThreadPoolExecutor pool = (ThreadPoolExecutor) Executors.newCachedThreadPool();
    ChainmailContext context = ChainmailContext.builder().flightRecorder(false).replicaExecutor(pool).build();
    ReplicaDetection detection = ReplicaDetection.builder("com.example.Answerer").ejectAfter(1_000_000)
        .maxEjectedPercent(100).build();
    ReplicaSet<String> set = ReplicaSet.of(context, detection, List.of("a", "b", "c"));
    ReplicaPolicy hedged = ReplicaPolicy.builder("com.example.Answerer/answer", ReplicaStrategy.HEDGED)
        .hedgeDelay("1ms").maxHedges(2).hedgeBudget(1.0).build(set);
    ReplicaPolicy voting = ReplicaPolicy.builder("com.example.Answerer/vote", ReplicaStrategy.QUORUM).build(set);
    AtomicInteger answered = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      threads.add(new Thread(() -> {
        for (int i = 0; i < 100; i++) {
          String hedge = hedged.call(replica -> {
            // A replica's latency, 0 to 2 ms in real time against a 1 ms hedge delay, so that hedges race their
            // originals on real threads and losers are interrupted mid-sleep: what this stress test is for.
            Thread.sleep(ThreadLocalRandom.current().nextInt(3));
            return "from " + replica;
          }, failure -> true);
          String vote = voting.call(replica -> "same", failure -> true);
          if (hedge.startsWith("from ") && vote.equals("same")) {
            answered.incrementAndGet();
          }
        }
      }));
    }
    threads.forEach(Thread::start);
    for (Thread thread : threads) {
      thread.join();
    }
    assertEquals(THREADS * 100, answered.get(), "no call lost");
    pool.shutdown();
    assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS), "every replica call ended, the interrupted losers too");
    assertEquals(0, pool.getActiveCount(), "no replica thread is left busy");
    for (ReplicaHealth health : set.health()) {
      assertEquals(0, health.inFlight(), "in-flight counts returned to zero");
    }
  }
}
