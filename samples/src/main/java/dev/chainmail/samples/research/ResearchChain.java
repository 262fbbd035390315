package dev.chainmail.samples.research;

import dev.chainmail.Fallback;
import dev.chainmail.Retry;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One step of a research pipeline: asks a language model, retries transient failures with exponential backoff,
 * and answers from a cache of earlier answers when the model stays down.
 */
public class ResearchChain {

  private final ChatModel model;
  private final Map<String, String> cache = new ConcurrentHashMap<>();

  public ResearchChain(ChatModel model) {
    this.model = model;
  }

  @Retry(maxAttempts = 4, delay = "100ms", multiplier = 2.0, maxDelay = "1s", jitter = 0.2,
      retryOn = IOException.class)
  @Fallback(method = "cachedAnswer", applyOn = IOException.class)
  public String answer(String question) throws IOException {
    String answer = model.chat("Answer briefly: " + question);
    cache.put(question, answer);
    return answer;
  }

  String cachedAnswer(String question, IOException cause) {
    String cached = cache.get(question);
    return cached != null
        ? cached + " (from cache: " + cause.getMessage() + ")"
        : "no answer yet (" + cause.getMessage() + ")";
  }
}
