package dev.chainmail.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainmail.runtime.ChainmailContext;
import dev.chainmail.runtime.VirtualTime;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A synchronous {@code HEDGED} method through a real proxy: the hedge delay runs in virtual time, and the replicas'
 * calls on real threads of the replica executor, each blocked until the test gives it an outcome.
 */
class HedgedBehaviourTest {

  private final VirtualTime time = new VirtualTime();
  private final ThreadPoolExecutor replicaThreads = (ThreadPoolExecutor) Executors.newCachedThreadPool();
  private final ExecutorService callers = Executors.newSingleThreadExecutor();
  private final HedgedChain.Blocking first = new HedgedChain.Blocking();
  private final HedgedChain.Blocking second = new HedgedChain.Blocking();
  private final ResilientHedgedChain chain = ResilientHedgedChain.replicated(ChainmailContext.builder().clock(time)
      .sleeper(time).replicaExecutor(replicaThreads).build(), List.of(first, second));

  @AfterEach
  void stop() {
    callers.shutdownNow();
    replicaThreads.shutdownNow();
  }

  private CompletableFuture<String> lookup() {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return chain.lookup("k");
      } catch (IOException e) {
        throw new RuntimeException(e);
      }
    }, callers);
  }

  @Test
  void theCallerWaitsForTheHedgeThatWinsAndTheLoserIsInterrupted() throws Exception {
    CompletableFuture<String> answer = lookup();
    assertTrue(first.started.await(10, TimeUnit.SECONDS));
    time.advance(100_000_000L);
    assertTrue(second.started.await(10, TimeUnit.SECONDS), "the hedge went out after 100 ms");

    second.outcomes.add("from the hedge");
    assertEquals("from the hedge", answer.get(10, TimeUnit.SECONDS));
    assertTrue(first.interrupted.await(10, TimeUnit.SECONDS), "the slow replica's thread was interrupted");
    assertEquals(0, chain.replicaHealth().get(0).consecutiveFailures(), "the loser's failure came after the winner");
    replicaThreads.shutdown();
    assertTrue(replicaThreads.awaitTermination(10, TimeUnit.SECONDS), "every replica call ended");
    assertEquals(0, replicaThreads.getActiveCount(), "no replica thread is left busy");
  }

  @Test
  void aCheckedFailureOfEveryReplicaReachesTheCallerAsItIs() throws Exception {
    CompletableFuture<String> answer = lookup();
    assertTrue(first.started.await(10, TimeUnit.SECONDS));
    IOException down = new IOException("first down");
    first.outcomes.add(down);
    assertTrue(second.started.await(10, TimeUnit.SECONDS), "the failure failed over at once");
    IOException alsoDown = new IOException("second down");
    second.outcomes.add(alsoDown);

    ExecutionException failed = assertThrows(ExecutionException.class,
        () -> answer.get(10, TimeUnit.SECONDS));
    Throwable thrown = failed.getCause().getCause();
    assertSame(alsoDown, thrown, "the IOException the method declares, not a wrapper");
    assertSame(down, thrown.getSuppressed()[0]);
    assertFalse(first.interrupted.getCount() == 0, "no replica was interrupted");
  }
}
