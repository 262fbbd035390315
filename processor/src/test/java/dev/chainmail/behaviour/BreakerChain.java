package dev.chainmail.behaviour;

import dev.chainmail.CircuitBreaker;
import dev.chainmail.RateLimit;
import dev.chainmail.Timeout;
import dev.chainmail.runtime.RateLimitedException;
import java.io.FileNotFoundException;
import java.io.IOException;

/** Circuit breakers: the state machine through a proxy, classification, and the guards beneath it. */
class BreakerChain {

  final Script script = new Script();

  /** Set by a test to make a call through the proxy while a call is in flight. */
  Runnable during = () -> { };

  @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = "10s", successThreshold = 2)
  public String guarded() {
    script.step();
    during.run();
    return "guarded#" + script.calls();
  }

  @CircuitBreaker(requestVolumeThreshold = 2, failureRatio = 1.0, failOn = IOException.class,
      skipOn = FileNotFoundException.class)
  public String classified() throws IOException {
    script.step();
    return "classified#" + script.calls();
  }

  @CircuitBreaker(requestVolumeThreshold = 2, failureRatio = 1.0, delay = "1m")
  @RateLimit(value = 1, window = "1h")
  public String limited() {
    script.step();
    return "limited#" + script.calls();
  }

  @CircuitBreaker(requestVolumeThreshold = 2, failureRatio = 1.0, delay = "1m", skipOn = RateLimitedException.class)
  @RateLimit(value = 1, window = "1h")
  public String limitedSkipped() {
    script.step();
    return "limitedSkipped#" + script.calls();
  }

  @CircuitBreaker(requestVolumeThreshold = 2, failureRatio = 1.0)
  @Timeout("1s")
  public String timed(VirtualClockStep step) {
    script.step();
    step.run();
    return "timed#" + script.calls();
  }

  @CircuitBreaker(requestVolumeThreshold = 2, failureRatio = 1.0, slowCallThreshold = "2s")
  public String slow(VirtualClockStep step) {
    script.step();
    step.run();
    return "slow#" + script.calls();
  }

  @CircuitBreaker(name = "shared", requestVolumeThreshold = 2, failureRatio = 1.0)
  public String sharedOne() {
    script.step();
    return "sharedOne#" + script.calls();
  }

  @CircuitBreaker(name = "shared", requestVolumeThreshold = 2, failureRatio = 1.0)
  public String sharedTwo() {
    script.step();
    return "sharedTwo#" + script.calls();
  }

  /** What a call does to the virtual clock while it runs. */
  @FunctionalInterface
  interface VirtualClockStep {
    void run();
  }
}
