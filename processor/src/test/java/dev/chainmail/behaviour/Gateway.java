package dev.chainmail.behaviour;

import dev.chainmail.Retry;
import java.io.IOException;

/** An interface chain with a type-level @Retry, which covers its abstract methods but not its default one. */
@Retry(maxAttempts = 4)
interface Gateway {

  String send(String message);

  String receive() throws IOException;

  default String status() {
    return "default status";
  }
}
