package dev.chainmail.behaviour;

import dev.chainmail.Retry;

/** maxDuration: the test makes each call take virtual time through the script's hooks. */
class TimedChain {

  final Script script = new Script();

  @Retry(maxAttempts = 10, maxDuration = "1s")
  public String noDelay() {
    script.step();
    return "noDelay#" + script.calls();
  }

  @Retry(maxAttempts = 10, delay = "100ms", maxDuration = "1s")
  public String withDelay() {
    script.step();
    return "withDelay#" + script.calls();
  }

  @Retry(maxAttempts = 10, delay = "100ms")
  public String untimed() {
    script.step();
    return "untimed#" + script.calls();
  }
}
