package dev.chainmail.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** {@code QUORUM}: each replica's call is a future the test completes. */
class ReplicaQuorumTest {

  private static final String M = "com.example.Answerer/answer";

  private final VirtualTime time = new VirtualTime();
  private ChainmailContext context = ChainmailContext.builder().clock(time).sleeper(time).flightRecorder(false)
      .build();
  private final List<List<CompletableFuture<String>>> calls = new ArrayList<>();

  private ReplicaPolicy voting(int replicas, ReplicaPolicy.Builder builder) {
    List<String> names = new ArrayList<>();
    calls.clear();
    for (int i = 0; i < replicas; i++) {
      names.add("r" + i);
      calls.add(new ArrayList<>());
    }
    ReplicaDetection detection = ReplicaDetection.builder("com.example.Answerer").ejectAfter(1_000)
        .maxEjectedPercent(100).build();
    return builder.build(ReplicaSet.of(context, detection, names));
  }

  private ReplicaPolicy voting(int replicas) {
    return voting(replicas, ReplicaPolicy.builder(M, ReplicaStrategy.QUORUM));
  }

  private CompletableFuture<String> call(ReplicaPolicy policy, Function<? super String, ?> voteBy) {
    return policy.async(replica -> {
      CompletableFuture<String> future = new CompletableFuture<>();
      calls.get(replica).add(future);
      return future;
    }, failure -> failure instanceof IOException, voteBy);
  }

  private CompletableFuture<String> last(int replica) {
    List<CompletableFuture<String>> made = calls.get(replica);
    return made.get(made.size() - 1);
  }

  private static NoQuorumException noQuorum(CompletableFuture<String> answer) {
    return assertInstanceOf(NoQuorumException.class,
        assertThrows(CompletionException.class, answer::join).getCause());
  }

  @Test
  void aMajorityWinsAsSoonAsItAgreesAndTheSlowestIsCancelled() {
    ReplicaPolicy policy = voting(3);
    CompletableFuture<String> answer = call(policy, Function.identity());
    assertEquals(1, calls.get(2).size(), "every replica is called at once");
    last(0).complete("42");
    assertFalse(answer.isDone());
    last(1).complete("42");
    assertEquals("42", answer.join(), "two of three agree: done, without waiting for the third");
    assertTrue(last(2).isCancelled());
  }

  @Test
  void answersAreComparedByTheirVoteKey() {
    ReplicaPolicy policy = voting(3);
    CompletableFuture<String> answer = call(policy, text -> text.replaceAll("[^0-9]", ""));
    last(0).complete("The answer is 42.");
    last(1).complete("It's 7");
    last(2).complete("42, of course");
    assertEquals("The answer is 42.", answer.join(), "the first answer of the winning key");
  }

  @Test
  void whenNoQuorumIsPossibleTheVotesAreInTheException() {
    ReplicaPolicy policy = voting(3);
    CompletableFuture<String> answer = call(policy, Function.identity());
    IOException down = new IOException("down");
    last(0).completeExceptionally(down);
    last(1).complete("a");
    assertFalse(answer.isDone(), "the third could still agree with the second");
    last(2).complete("b");

    NoQuorumException failure = noQuorum(answer);
    assertEquals(List.of(new NoQuorumException.Vote(0, null, down), new NoQuorumException.Vote(1, "a", null),
        new NoQuorumException.Vote(2, "b", null)), failure.votes());
    assertSame(down, failure.getCause());
    assertEquals(M + ": no quorum of 2 among 3 replicas: replica 0 failed (IOException), replica 1 voted 'a', "
        + "replica 2 voted 'b'", failure.getMessage());
  }

  @Test
  void itFailsAsSoonAsNoQuorumIsPossibleAndCancelsTheRest() {
    ReplicaPolicy policy = voting(3);
    CompletableFuture<String> answer = call(policy, Function.identity());
    last(0).completeExceptionally(new IOException("one"));
    last(1).completeExceptionally(new IOException("two"));
    NoQuorumException failure = noQuorum(answer);
    assertTrue(last(2).isCancelled());
    assertEquals(new NoQuorumException.Vote(2, null, null), failure.votes().get(2), "cancelled: neither");
    assertEquals(1, failure.getSuppressed().length);
  }

  @Test
  void aFailureThatIsNotAReplicasPropagatesAtOnce() {
    ReplicaPolicy policy = voting(3);
    CompletableFuture<String> answer = call(policy, Function.identity());
    last(0).completeExceptionally(new IllegalArgumentException("bad question"));
    assertInstanceOf(IllegalArgumentException.class,
        assertThrows(CompletionException.class, answer::join).getCause());
    assertTrue(last(1).isCancelled());
  }

  @Test
  void anExplicitQuorumAndItsLimit() {
    ReplicaPolicy all = voting(3, ReplicaPolicy.builder(M, ReplicaStrategy.QUORUM).quorum(3));
    CompletableFuture<String> answer = call(all, Function.identity());
    last(0).complete("x");
    last(1).complete("x");
    assertFalse(answer.isDone());
    last(2).complete("x");
    assertEquals("x", answer.join());

    ConfigurationException tooMany = assertThrows(ConfigurationException.class,
        () -> voting(3, ReplicaPolicy.builder(M, ReplicaStrategy.QUORUM).quorum(4)));
    assertTrue(tooMany.getMessage().contains("a quorum of 4 cannot be reached with 3 replicas"),
        tooMany.getMessage());
    assertThrows(ConfigurationException.class, () -> ReplicaPolicy.builder(M, ReplicaStrategy.FAILOVER).quorum(2));
  }

  @Test
  void configOverridesTheQuorum() {
    context = ChainmailContext.builder().clock(time).flightRecorder(false)
        .config(ChainmailConfig.of(Map.of("Replicated/quorum", "1"))).build();
    ReplicaPolicy policy = voting(3);
    CompletableFuture<String> answer = call(policy, Function.identity());
    last(1).complete("first in");
    assertEquals("first in", answer.join());
  }

  @Test
  void aVoteKeyThatThrowsIsThatReplicasAbstention() {
    ReplicaPolicy policy = voting(3);
    CompletableFuture<String> answer = call(policy, text -> {
      if (text.isEmpty()) {
        throw new IllegalStateException("no key for an empty answer");
      }
      return text;
    });
    last(0).complete("");
    last(1).complete("a");
    last(2).complete("a");
    assertEquals("a", answer.join());
  }

  /**
   * Majority voting over three independent replicas, each right with probability r and otherwise wrong in its own
   * way: the majority is right with probability 3r^2 - 2r^3. With 20,000 votes the standard error is at most
   * 0.0035, so a tolerance of 0.015 fails a correct implementation about once in 10^5 runs; the seed is fixed.
   */
  @Test
  void majorityVotingIsRightAsOftenAsTheoryPredicts() {
    for (double r : new double[] {0.7, 0.9}) {
      SplittableRandom random = new SplittableRandom(2022);
      ReplicaPolicy policy = voting(3);
      int trials = 20_000;
      int right = 0;
      for (int t = 0; t < trials; t++) {
        int trial = t;
        CompletableFuture<String> answer = policy.async(replica -> CompletableFuture.completedFuture(
            random.nextDouble() < r ? "right" : "wrong " + replica + " in " + trial), failure -> true);
        String outcome;
        try {
          outcome = answer.join();
        } catch (CompletionException noMajority) {
          outcome = null;
        }
        if ("right".equals(outcome)) {
          right++;
        }
      }
      double expected = 3 * r * r - 2 * r * r * r;
      double observed = (double) right / trials;
      assertEquals(expected, observed, 0.015, "r = " + r);
    }
  }

  @Test
  void aReplicaNobodyAnsweredForHasNeitherKeyNorFailure() {
    NoQuorumException.Vote cancelled = new NoQuorumException.Vote(2, null, null);
    assertNull(cancelled.key());
    assertNull(cancelled.failure());
  }
}
