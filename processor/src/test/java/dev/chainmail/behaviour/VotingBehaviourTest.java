package dev.chainmail.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainmail.runtime.ChainmailConfig;
import dev.chainmail.runtime.ChainmailContext;
import dev.chainmail.runtime.ConfigurationException;
import dev.chainmail.runtime.NoQuorumException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** {@code QUORUM} through a real proxy, synchronous (replica threads) and asynchronous. */
class VotingBehaviourTest {

  private final ChainmailContext context = ChainmailContext.builder().flightRecorder(false).build();

  @Test
  void theMajorityKeyWinsOverWordsThatDiffer() {
    ResilientVotingChain chain = ResilientVotingChain.replicated(context, List.of(
        VotingChain.answering("It is 42."), VotingChain.answering("7"), VotingChain.answering("42, surely")));
    String answer = chain.answer("six times seven?");
    assertEquals("42", chain.digits(answer), "one of the two answers that agree: " + answer);
    assertEquals("42", chain.digits(chain.later("six times seven?").toCompletableFuture().join()));
  }

  @Test
  void noMajorityThrowsTheVotes() {
    ResilientVotingChain chain = ResilientVotingChain.replicated(context, List.of(
        VotingChain.answering("1"), VotingChain.answering("2"), VotingChain.answering("3")));
    NoQuorumException failure = assertThrows(NoQuorumException.class, () -> chain.answer("?"));
    assertEquals(3, failure.votes().size());
    assertEquals(List.of("1", "2", "3"), failure.votes().stream().map(NoQuorumException.Vote::key).toList());
    assertInstanceOf(NoQuorumException.class,
        assertThrows(CompletionException.class, () -> chain.later("?").toCompletableFuture().join()).getCause());
  }

  @Test
  void aQuorumLargerThanTheReplicasFailsTheFactory() {
    ConfigurationException failure = assertThrows(ConfigurationException.class,
        () -> ResilientVotingChain.replicated(ChainmailContext.builder()
            .config(ChainmailConfig.of(Map.of("Replicated/quorum", "4"))).build(),
            List.of(VotingChain.answering("1"), VotingChain.answering("1"), VotingChain.answering("1"))));
    assertTrue(failure.getMessage().contains("a quorum of 4 cannot be reached with 3 replicas"),
        failure.getMessage());
  }
}
