package com.example;

import dev.chainmail.CircuitBreaker;
import dev.chainmail.Retry;
import java.io.IOException;
import java.time.Duration;

public class Summarizer {

  /** A provider's failure, with the wait its Retry-After header asked for. */
  public static class ProviderException extends IOException {
    private static final long serialVersionUID = 1L;
    public final Duration retryAfter;

    public ProviderException(Duration retryAfter) {
      this.retryAfter = retryAfter;
    }
  }

  @Retry(maxAttempts = 4, delay = "500ms", multiplier = 2.0, maxDelay = "30s", retryOnResult = "isUnusable",
      delayFrom = "retryAfter", budget = 0.1, name = "llm")
  @CircuitBreaker
  public String summarize(String text) throws IOException {
    return text;
  }

  @Retry(maxDuration = "10s", retryOnResult = "isBlank")
  public String title(String text) {
    return text;
  }

  @Retry(budget = 0.1, name = "llm")
  public void log(String line) {}

  boolean isUnusable(String summary) {
    return summary.isBlank();
  }

  static boolean isBlank(CharSequence text) {
    return text.length() == 0;
  }

  Duration retryAfter(ProviderException failure) {
    return failure.retryAfter;
  }
}
