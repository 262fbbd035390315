package com.example;

import dev.chainmail.Bulkhead;
import dev.chainmail.CircuitBreaker;
import dev.chainmail.Replicated;
import dev.chainmail.Retry;
import dev.chainmail.Timeout;
import java.io.IOException;
import java.util.concurrent.CompletionStage;

@Replicated(ejectAfter = 3, ejectFor = "10s")
public interface AsyncReplicas {

  @Replicated(strategy = Replicated.Strategy.LEAST_LOADED, failOn = IOException.class)
  @Retry(maxAttempts = 2)
  @CircuitBreaker
  @Timeout("1s")
  @Bulkhead(8)
  CompletionStage<String> complete(String prompt);

  @Replicated(strategy = Replicated.Strategy.HEDGED, hedgeDelay = "150ms", maxHedges = 2, hedgeBudget = 0.05)
  @Timeout("2s")
  CompletionStage<String> hedged(String prompt);

  @Replicated(strategy = Replicated.Strategy.HEDGED)
  CompletionStage<String> adaptive(String prompt);

  CompletionStage<String> version();
}
