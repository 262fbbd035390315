package dev.chainmail.behaviour;

import dev.chainmail.Bulkhead;
import dev.chainmail.CircuitBreaker;
import dev.chainmail.Replicated;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** An interface chain whose asynchronous methods are replicated; each replica records its calls. */
@Replicated(ejectAfter = 2, ejectFor = "10s", maxEjectedPercent = 100)
public interface AsyncReplicaChain {

  @Replicated(failOn = IOException.class)
  @CircuitBreaker(requestVolumeThreshold = 100)
  CompletionStage<String> answer(String question);

  @Replicated(strategy = Replicated.Strategy.LEAST_LOADED)
  @Bulkhead(1)
  CompletionStage<String> balanced(String question);

  @Replicated(strategy = Replicated.Strategy.HEDGED, hedgeDelay = "100ms", failOn = IOException.class)
  @CircuitBreaker(requestVolumeThreshold = 100)
  CompletionStage<String> hedged(String question);

  /** A replica that answers each call with a pending future, for the test to complete. */
  final class Replica implements AsyncReplicaChain {
    final List<CompletableFuture<String>> calls = new ArrayList<>();

    private CompletableFuture<String> record() {
      CompletableFuture<String> future = new CompletableFuture<>();
      calls.add(future);
      return future;
    }

    CompletableFuture<String> last() {
      return calls.get(calls.size() - 1);
    }

    @Override
    public CompletionStage<String> answer(String question) {
      return record();
    }

    @Override
    public CompletionStage<String> balanced(String question) {
      return record();
    }

    @Override
    public CompletionStage<String> hedged(String question) {
      return record();
    }
  }
}
