package com.example;

import dev.chainmail.Fallback;
import dev.chainmail.Retry;
import dev.chainmail.Timeout;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** A class chain: its proxy extends it, and reaches the chain's own methods through super. */
public class AsyncSearch {

  @Retry(maxAttempts = 2, retryOnResult = "isEmpty")
  @Fallback(method = "none")
  public <T> CompletableFuture<List<T>> find(Class<T> type, String query) {
    return CompletableFuture.completedFuture(List.of());
  }

  @Timeout("3s")
  protected CompletionStage<? extends CharSequence> snippet(String url) {
    return CompletableFuture.completedFuture(url);
  }

  boolean isEmpty(List<?> results) {
    return results.isEmpty();
  }

  <T> CompletableFuture<List<T>> none(Class<T> type, String query) {
    return CompletableFuture.completedFuture(List.of());
  }
}
