package dev.chainmail.behaviour;

import dev.chainmail.Retry;
import java.io.IOException;

/** Retry schedules: attempts, fixed and exponential delays, the cap, jitter, checked failures. */
class RetryChain {

  final Script script = new Script();

  @Retry(maxAttempts = 4)
  public String plain() {
    script.step();
    return "plain#" + script.calls();
  }

  @Retry(maxAttempts = 4, delay = "250ms")
  public String fixed() {
    script.step();
    return "fixed#" + script.calls();
  }

  @Retry(maxAttempts = 5, delay = "100ms", multiplier = 2.0)
  public String exponential() {
    script.step();
    return "exponential#" + script.calls();
  }

  @Retry(maxAttempts = 6, delay = "100ms", multiplier = 2.0, maxDelay = "500ms")
  public String capped() {
    script.step();
    return "capped#" + script.calls();
  }

  @Retry(maxAttempts = 5, delay = "100ms", multiplier = 2.0, maxDelay = "300ms", jitter = 0.5)
  public String jittered() {
    script.step();
    return "jittered#" + script.calls();
  }

  @Retry(maxAttempts = 3, delay = "10ms")
  public String read() throws IOException {
    script.step();
    return "read#" + script.calls();
  }

  @Retry(maxAttempts = 1, delay = "10ms")
  public String once() {
    script.step();
    return "once#" + script.calls();
  }
}
