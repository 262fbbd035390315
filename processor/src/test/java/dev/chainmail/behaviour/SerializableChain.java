package dev.chainmail.behaviour;

import dev.chainmail.Retry;
import java.io.Serializable;

/** A serializable chain whose state (a count of calls) travels with it. */
public class SerializableChain implements Serializable {
  private static final long serialVersionUID = 1L;

  int calls;
  int failuresToGo;

  @Retry(maxAttempts = 3)
  public String call() {
    calls++;
    if (failuresToGo > 0) {
      failuresToGo--;
      throw new IllegalStateException("failing, " + failuresToGo + " to go");
    }
    return "done after " + calls;
  }
}
