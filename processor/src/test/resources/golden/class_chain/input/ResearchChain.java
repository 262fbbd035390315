package com.example;

import dev.chainmail.Fallback;
import dev.chainmail.Retry;
import java.io.FileNotFoundException;
import java.io.IOException;

public class ResearchChain {
  private final ChatModel llm;

  public ResearchChain(ChatModel llm) {
    this.llm = llm;
  }

  @Retry(maxAttempts = 4, delay = "200ms", multiplier = 2.0, maxDelay = "1s", jitter = 0.2,
      retryOn = IOException.class, abortOn = FileNotFoundException.class)
  @Fallback(method = "cachedAnswer")
  public String answer(String question) throws IOException {
    return llm.chat(question);
  }

  String cachedAnswer(String question, Throwable cause) {
    return "cached: " + question;
  }

  public interface ChatModel {
    String chat(String question) throws IOException;
  }
}
