package com.example;

import dev.chainmail.Bulkhead;
import dev.chainmail.CircuitBreaker;
import dev.chainmail.Fallback;
import dev.chainmail.RateLimit;
import dev.chainmail.Retry;
import dev.chainmail.Timeout;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

public interface AsyncAnswerer {

  /** A provider's refusal, with the wait its Retry-After header asked for. */
  class Throttled extends IOException {
    private static final long serialVersionUID = 1L;
    public final Duration retryAfter;

    public Throttled(Duration retryAfter) {
      this.retryAfter = retryAfter;
    }
  }

  @Fallback(method = "cached", applyOn = IOException.class)
  @Retry(maxAttempts = 4, delay = "200ms", multiplier = 2.0, retryOn = IOException.class,
      abortOn = IllegalArgumentException.class, retryOnResult = "isBlank", delayFrom = "retryAfter", budget = 0.2)
  @CircuitBreaker(skipOn = IllegalArgumentException.class)
  @RateLimit(value = 10, window = "1s", maxWait = "500ms")
  @Timeout("2s")
  @Bulkhead(value = 4, maxWait = "1s")
  CompletionStage<String> answer(String question) throws IOException;

  @Retry
  @Timeout("500ms")
  CompletableFuture<Integer> count(String text);

  default CompletionStage<String> cached(String question, IOException failure) {
    return CompletableFuture.completedFuture("cached: " + question);
  }

  static boolean isBlank(String answer) {
    return answer.isBlank();
  }

  static Duration retryAfter(Throttled failure) {
    return failure.retryAfter;
  }
}
