package dev.chainmail.behaviour;

import dev.chainmail.Fallback;
import dev.chainmail.Retry;

/** Interruption stops retrying; a fallback still answers. */
class InterruptChain {

  final Script script = new Script();
  int fallbackCalls;
  Throwable fallbackReceived;

  @Retry(maxAttempts = 5)
  public String noDelay() {
    script.step();
    return "noDelay#" + script.calls();
  }

  @Retry(maxAttempts = 5, delay = "100ms")
  public String withDelay() {
    script.step();
    return "withDelay#" + script.calls();
  }

  @Retry(maxAttempts = 5, delay = "100ms")
  @Fallback(method = "recover")
  public String withFallback() {
    script.step();
    return "withFallback#" + script.calls();
  }

  String recover(Throwable failure) {
    fallbackCalls++;
    fallbackReceived = failure;
    return "recovered";
  }
}
