package com.example;

import dev.chainmail.Bulkhead;
import dev.chainmail.CircuitBreaker;
import dev.chainmail.Timeout;

/**
 * Type-level guards under method-level ones: a method's own annotation replaces the type's of its type only, so
 * search keeps the type-level timeout under its own breaker.
 */
@Timeout("500ms")
@CircuitBreaker
public interface Toolbox {

  String lookup(String key);

  @CircuitBreaker(name = "search", failureRatio = 0.75)
  String search(String query);

  @Bulkhead(2)
  @Timeout("3s")
  int count(String query);

  default String describe() {
    return "toolbox";
  }
}
