package dev.chainmail.behaviour;

import dev.chainmail.Retry;

/** An interface chain whose result test is a default method, called on the delegate. */
public interface LlmAnswerer {

  @Retry(maxAttempts = 3, retryOnResult = "isUnusable")
  String answer(String question);

  default boolean isUnusable(String answer) {
    return answer == null || !answer.endsWith(".");
  }
}
