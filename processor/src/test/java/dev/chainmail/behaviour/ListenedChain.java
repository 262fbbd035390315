package dev.chainmail.behaviour;

import dev.chainmail.Fallback;
import dev.chainmail.Retry;

/** What a listener hears from retries and fallbacks. */
class ListenedChain {

  final Script script = new Script();

  @Retry(maxAttempts = 3, delay = "10ms", multiplier = 2.0)
  @Fallback(method = "recover")
  public String fetch() {
    script.step();
    return "fetched#" + script.calls();
  }

  String recover(Throwable failure) {
    return "recovered";
  }

  @Retry(maxAttempts = 3, delay = "10ms")
  public String unrecovered() {
    script.step();
    return "unrecovered#" + script.calls();
  }
}
