package dev.chainmail.samples.research;

import dev.chainmail.CircuitBreaker;
import dev.chainmail.Fallback;
import dev.chainmail.Retry;
import dev.chainmail.Timeout;
import dev.chainmail.runtime.ResilienceException;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One step of a research pipeline: asks a language model, retries transient failures with exponential backoff,
 * stops calling the model for a while once most recent calls failed, bounds each attempt in time, and answers
 * from a cache of earlier answers when the model stays down.
 */
public class ResearchChain {

  private final ChatModel model;
  private final Map<String, String> cache = new ConcurrentHashMap<>();

  public ResearchChain(ChatModel model) {
    this.model = model;
  }

  @Retry(maxAttempts = 4, delay = "100ms", multiplier = 2.0, maxDelay = "1s", jitter = 0.2,
      retryOn = IOException.class)
  @Fallback(method = "cachedAnswer", applyOn = {IOException.class, ResilienceException.class})
  @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = "30s")
  @Timeout("2s")
  public String answer(String question) throws IOException {
    String answer = model.chat("Answer briefly: " + question);
    cache.put(question, answer);
    return answer;
  }

  String cachedAnswer(String question, Exception cause) {
    String cached = cache.get(question);
    return cached != null
        ? cached + " (from cache: " + cause.getMessage() + ")"
        : "no answer yet (" + cause.getMessage() + ")";
  }
}
