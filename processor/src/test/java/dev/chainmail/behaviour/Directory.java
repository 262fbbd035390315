package dev.chainmail.behaviour;

import dev.chainmail.Fallback;
import dev.chainmail.Retry;

/** An interface chain with method-level guards, an unguarded method and default methods. */
interface Directory {

  @Retry(maxAttempts = 3)
  String lookup(String name);

  String unguarded(String name);

  default String describe() {
    return "interface default";
  }

  @Retry(maxAttempts = 2)
  @Fallback(method = "recover")
  String resolve(String name);

  default String recover(String name, Throwable failure) {
    return "interface recover " + name + ": " + failure.getMessage();
  }
}
