package dev.chainmail.behaviour;

import dev.chainmail.Retry;

/** Guards whose attributes the tests override through the context's config. */
class ConfigChain {

  final Script script = new Script();

  @Retry(maxAttempts = 2)
  public String fetch() {
    script.step();
    return "fetch#" + script.calls();
  }

  @Retry(maxAttempts = 2, delay = "10ms", maxDuration = "1s")
  public String timed() {
    script.step();
    return "timed#" + script.calls();
  }
}
