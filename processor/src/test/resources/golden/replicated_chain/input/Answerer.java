package com.example.answers;

import dev.chainmail.Bulkhead;
import dev.chainmail.CircuitBreaker;
import dev.chainmail.Heartbeat;
import dev.chainmail.Replicated;
import dev.chainmail.Retry;
import java.io.FileNotFoundException;
import java.io.IOException;

/** Answers questions from one of several LLM providers. */
@Replicated(ejectAfter = 3, ejectFor = "10s")
public interface Answerer {

  @Replicated(strategy = Replicated.Strategy.ROUND_ROBIN, failOn = IOException.class,
      skipOn = FileNotFoundException.class)
  @Retry(maxAttempts = 3)
  String answer(String question) throws IOException;

  void log(String line);

  @Replicated(strategy = Replicated.Strategy.LEAST_LOADED)
  int count(String text);

  @Replicated(strategy = Replicated.Strategy.WEIGHTED, weights = {3, 1})
  @CircuitBreaker(name = "llm")
  @Bulkhead(5)
  String summarize(String text);

  @Heartbeat(every = "5s")
  boolean ping();

  default String name() {
    return "answerer";
  }
}
