package dev.chainmail.behaviour;

import dev.chainmail.Replicated;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** A chain whose answers are voted on, compared by their digits, as LLM answers to a sum would be. */
@Replicated(strategy = Replicated.Strategy.QUORUM, voteBy = "digits")
public interface VotingChain {

  String answer(String question);

  CompletionStage<String> later(String question);

  default String digits(String answer) {
    return answer.replaceAll("[^0-9]", "");
  }

  /** A replica that always gives the same answer. */
  static VotingChain answering(String answer) {
    return new VotingChain() {
      @Override
      public String answer(String question) {
        return answer;
      }

      @Override
      public CompletionStage<String> later(String question) {
        return CompletableFuture.completedFuture(answer);
      }
    };
  }
}
