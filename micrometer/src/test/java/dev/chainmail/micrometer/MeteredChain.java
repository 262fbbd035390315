package dev.chainmail.micrometer;

import dev.chainmail.CircuitBreaker;
import dev.chainmail.Fallback;
import dev.chainmail.Retry;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A chain whose retries pass through a breaker that opens after two failures of two, under a fallback. Not
 * thread-safe: one test thread.
 */
class MeteredChain {

  /** Thrown one per call, in order; a call with none left succeeds. */
  final Deque<RuntimeException> failures = new ArrayDeque<>();
  int calls;

  @Retry(maxAttempts = 3, delay = "100ms", multiplier = 2.0)
  @CircuitBreaker(requestVolumeThreshold = 2, failureRatio = 1.0, delay = "10s")
  @Fallback(method = "cached")
  public String answer(String question) {
    calls++;
    RuntimeException failure = failures.poll();
    if (failure != null) {
      throw failure;
    }
    return "answer to " + question;
  }

  String cached(String question, Throwable failure) {
    return "cached answer to " + question;
  }
}
