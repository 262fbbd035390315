package com.example;

import dev.chainmail.Fallback;
import dev.chainmail.Retry;
import java.util.List;
import java.util.function.Function;

public class Ranker<T extends Comparable<T>> {
  @Retry
  public T best(List<T> candidates) {
    return candidates.get(0);
  }

  @Retry(maxAttempts = 2)
  @Fallback(method = "identity")
  public <R> R rank(T item, Function<T, R> scorer) {
    return scorer.apply(item);
  }

  <R> R identity(T item, Function<T, R> scorer) {
    return null;
  }

  @Retry
  @SuppressWarnings("unchecked")
  public int count(List<T>... lists) {
    return lists.length;
  }

  @Retry(maxAttempts = 7)
  public int size(List<T> items) {
    return items.size();
  }

  @Retry(maxAttempts = 9)
  public int size(T[] items, int... extra) {
    return items.length + extra.length;
  }
}
