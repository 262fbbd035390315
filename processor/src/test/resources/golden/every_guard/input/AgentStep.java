package com.example;

import dev.chainmail.Bulkhead;
import dev.chainmail.CircuitBreaker;
import dev.chainmail.Fallback;
import dev.chainmail.RateLimit;
import dev.chainmail.Retry;
import dev.chainmail.Timeout;
import dev.chainmail.runtime.RateLimitedException;
import java.io.IOException;

/** Every guard on one method, and a void method with a breaker that reads the clock for slow calls. */
public class AgentStep {

  @Fallback(method = "cached")
  @Retry(maxAttempts = 4, delay = "100ms", retryOn = IOException.class)
  @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.25, delay = "30s", successThreshold = 2,
      skipOn = RateLimitedException.class, name = "llm")
  @RateLimit(value = 50, window = "1m", maxWait = "200ms", name = "openai")
  @Timeout("2s")
  @Bulkhead(value = 4, maxWait = "50ms")
  public String answer(String question) throws IOException {
    return question;
  }

  String cached(String question, Throwable cause) {
    return "cached";
  }

  @CircuitBreaker(windowType = CircuitBreaker.WindowType.TIME, requestVolumeThreshold = 60, minimumCalls = 10,
      slowCallThreshold = "5s", slowCallRatio = 0.8, failOn = IOException.class)
  public void record(String event) throws IOException {
  }

  /** Parameters named like the generated locals: the locals give way. */
  @CircuitBreaker(slowCallThreshold = "1s")
  @Timeout
  public int clash(int permit, boolean recorded, long callStart, Object deadline, Throwable failure) {
    return permit;
  }
}
