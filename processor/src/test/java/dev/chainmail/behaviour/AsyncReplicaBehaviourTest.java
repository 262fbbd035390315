package dev.chainmail.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainmail.runtime.BulkheadFullException;
import dev.chainmail.runtime.ChainmailContext;
import dev.chainmail.runtime.ReplicaHealth;
import dev.chainmail.runtime.VirtualTime;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** {@code @Replicated} on asynchronous methods, through a real proxy, in virtual time. */
class AsyncReplicaBehaviourTest {

  private final VirtualTime time = new VirtualTime();
  private final ChainmailContext context =
      ChainmailContext.builder().clock(time).sleeper(time).random(() -> 0.25).build();
  private final AsyncReplicaChain.Replica first = new AsyncReplicaChain.Replica();
  private final AsyncReplicaChain.Replica second = new AsyncReplicaChain.Replica();
  private final ResilientAsyncReplicaChain chain =
      ResilientAsyncReplicaChain.replicated(context, List.of(first, second));

  private static Throwable failure(CompletionStage<?> stage) {
    return assertThrows(CompletionException.class, stage.toCompletableFuture()::join).getCause();
  }

  @Test
  void aFailedStageFailsOverToTheNextReplica() {
    CompletionStage<String> answer = chain.answer("q");
    assertEquals(1, first.calls.size());
    assertEquals(0, second.calls.size(), "one replica at a time");

    first.last().completeExceptionally(new IOException("first down"));
    assertEquals(1, second.calls.size(), "the next replica is called when the first one's stage fails");
    second.last().complete("from second");
    assertEquals("from second", answer.toCompletableFuture().join());
    assertEquals(1, chain.replicaHealth().get(0).consecutiveFailures());
    assertEquals(0, chain.replicaHealth().get(1).consecutiveFailures());
  }

  @Test
  void whenEveryReplicaFailsTheLastFailureCarriesTheOthers() {
    CompletionStage<String> answer = chain.answer("q");
    IOException one = new IOException("first down");
    first.last().completeExceptionally(one);
    second.last().completeExceptionally(new IOException("second down"));

    Throwable last = failure(answer);
    assertEquals("second down", last.getMessage());
    assertSame(one, last.getSuppressed()[0]);
  }

  @Test
  void aFailureThatIsNotAReplicasPropagatesAtOnceAndCountsAgainstNone() {
    CompletionStage<String> answer = chain.answer("q");
    first.last().completeExceptionally(new IllegalArgumentException("bad question"));
    assertEquals("bad question", failure(answer).getMessage());
    assertEquals(0, second.calls.size());
    assertEquals(0, chain.replicaHealth().get(0).consecutiveFailures());
  }

  @Test
  void failedStagesEjectAReplicaAndLaterCallsSkipIt() {
    for (int i = 0; i < 2; i++) {
      CompletionStage<String> answer = chain.answer("q" + i);
      first.last().completeExceptionally(new IOException("down"));
      second.last().complete("ok");
      assertEquals("ok", answer.toCompletableFuture().join());
    }
    assertTrue(chain.replicaHealth().get(0).ejected());

    chain.answer("after");
    assertEquals(2, first.calls.size(), "the ejected replica is skipped");
    assertEquals(3, second.calls.size());
  }

  @Test
  void cancellingTheCallCancelsTheReplicasStageAndCountsAgainstNone() {
    CompletionStage<String> answer = chain.answer("q");
    answer.toCompletableFuture().cancel(false);
    assertTrue(first.last().isCancelled());
    assertEquals(0, second.calls.size(), "a cancelled call fails over to nobody");
    assertEquals(new ReplicaHealth(0, false, 0, 0, 0), chain.replicaHealth().get(0));
  }

  @Test
  void aLoadBalancedReplicaIsInFlightUntilItsStageEnds() {
    CompletionStage<String> one = chain.balanced("1");
    assertEquals(1, chain.replicaHealth().get(0).inFlight() + chain.replicaHealth().get(1).inFlight());
    CompletionStage<String> two = chain.balanced("2");
    assertEquals(1, first.calls.size(), "the second call went to the idle replica");
    assertEquals(1, second.calls.size());

    first.last().complete("a");
    second.last().complete("b");
    assertEquals(Set.of("a", "b"), Set.of(one.toCompletableFuture().join(), two.toCompletableFuture().join()));
    assertEquals(0, chain.replicaHealth().get(0).inFlight());
    assertEquals(0, chain.replicaHealth().get(1).inFlight());
  }

  @Test
  void eachReplicaHasItsOwnBulkhead() {
    chain.balanced("1");
    chain.balanced("2");
    CompletionStage<String> third = chain.balanced("3");

    // Each replica's bulkhead holds one call: the third is rejected by one, fails over, and is rejected again.
    assertInstanceOf(BulkheadFullException.class, failure(third));
    assertEquals(1, first.calls.size());
    assertEquals(1, second.calls.size());
    first.last().complete("a");
    chain.balanced("4");
    assertEquals(2, first.calls.size(), "the first replica's permit came back with its stage, and it is idle");
  }

  @Test
  void aSlowReplicaIsHedgedAndTheFirstSuccessWins() {
    CompletionStage<String> answer = chain.hedged("q");
    time.advance(99_000_000L);
    assertEquals(0, second.calls.size());
    time.advance(1_000_000L);
    assertEquals(1, second.calls.size(), "hedged after 100 ms, through the second replica's own breaker");

    second.last().complete("hedge");
    assertEquals("hedge", answer.toCompletableFuture().join());
    assertTrue(first.last().isCancelled(), "the slow first call was cancelled");
    assertEquals(0, chain.replicaHealth().get(0).consecutiveFailures(), "a loser's cancellation counts for nothing");
  }

  @Test
  void aHedgedCallFailsOverWhenItsOnlyCallFails() {
    CompletionStage<String> answer = chain.hedged("q");
    first.last().completeExceptionally(new IOException("down"));
    assertEquals(1, second.calls.size(), "the failure sent the next call at once");
    second.last().complete("second");
    assertEquals("second", answer.toCompletableFuture().join());
  }
}
