package com.example;

import dev.chainmail.Replicated;
import dev.chainmail.Retry;
import java.util.concurrent.CompletionStage;

/** Majority voting over replicas, synchronous and asynchronous, compared by a key. */
@Replicated(strategy = Replicated.Strategy.QUORUM)
public interface Voters {

  @Replicated(strategy = Replicated.Strategy.QUORUM, voteBy = "digits")
  @Retry(maxAttempts = 2)
  String solve(String problem);

  @Replicated(strategy = Replicated.Strategy.QUORUM, quorum = 2, voteBy = "normalized")
  CompletionStage<String> classify(String text);

  int count();

  default String digits(String answer) {
    return answer.replaceAll("[^0-9]", "");
  }

  static String normalized(CharSequence label) {
    return label.toString().trim().toLowerCase(java.util.Locale.ROOT);
  }
}
