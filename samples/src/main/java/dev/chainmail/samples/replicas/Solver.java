package dev.chainmail.samples.replicas;

import dev.chainmail.Replicated;
import java.util.concurrent.CompletionStage;

/**
 * Two calls that go to several providers at once. A draft is hedged: if the first provider has not answered after
 * 300 ms, the next one is asked too, and the first answer wins. A solution is voted on: every provider solves the
 * problem, and the number that a majority of them end with wins.
 */
public interface Solver {

  @Replicated(strategy = Replicated.Strategy.HEDGED, hedgeDelay = "300ms")
  CompletionStage<String> draft(String prompt);

  @Replicated(strategy = Replicated.Strategy.QUORUM, voteBy = "finalNumber")
  String solve(String problem);

  /** What answers are compared by: the last number in them, since their words differ. */
  default String finalNumber(String answer) {
    String[] numbers = answer.replaceAll("[^0-9]+", " ").trim().split(" ");
    return numbers[numbers.length - 1];
  }
}
