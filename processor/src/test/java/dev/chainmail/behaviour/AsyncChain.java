package dev.chainmail.behaviour;

import dev.chainmail.Bulkhead;
import dev.chainmail.CircuitBreaker;
import dev.chainmail.Fallback;
import dev.chainmail.RateLimit;
import dev.chainmail.Retry;
import dev.chainmail.Timeout;
import dev.chainmail.runtime.RetryAfter;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** An interface chain of asynchronous methods, one per guard or combination that the async tests drive. */
public interface AsyncChain {

  /** A provider's refusal that says how long to wait. */
  final class Throttled extends IOException implements RetryAfter {
    private static final long serialVersionUID = 1L;
    private final Duration wait;

    public Throttled(Duration wait) {
      super("throttled for " + wait);
      this.wait = wait;
    }

    @Override
    public Duration retryAfter() {
      return wait;
    }
  }

  @Retry(maxAttempts = 3, delay = "1s", retryOn = IOException.class, abortOn = FileNotFoundException.class)
  CompletionStage<String> retried(String question);

  @Retry(maxAttempts = 3, delay = "1s", retryOnResult = "isBlank")
  CompletableFuture<String> checked(String question);

  @Retry(maxAttempts = 3, budget = 0.1, name = "async-budget")
  CompletionStage<String> budgeted(String question);

  @Fallback(method = "fallbackAnswer", applyOn = IOException.class)
  CompletionStage<String> withFallback(String question);

  @Timeout("2s")
  CompletionStage<String> timed(String question);

  @Bulkhead(1)
  CompletionStage<String> single(String question);

  @Bulkhead(value = 1, maxWait = "3s")
  CompletionStage<String> queued(String question);

  @Timeout("2s")
  @Bulkhead(1)
  CompletionStage<String> timedSingle(String question);

  @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = "5s",
      skipOn = IllegalArgumentException.class)
  CompletionStage<String> breaker(String question);

  @RateLimit(value = 1, window = "1s", maxWait = "1s")
  CompletionStage<String> limited(String question);

  @Fallback(method = "fallbackAnswer")
  @Retry(maxAttempts = 2, delay = "1s")
  @CircuitBreaker(requestVolumeThreshold = 100)
  @Timeout("2s")
  @Bulkhead(2)
  CompletionStage<String> stacked(String question);

  default CompletionStage<String> fallbackAnswer(String question, Throwable failure) {
    return CompletableFuture.completedFuture("fallback: " + question + " after " + failure.getMessage());
  }

  static boolean isBlank(String answer) {
    return answer.isBlank();
  }
}
