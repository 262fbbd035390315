package dev.chainmail.behaviour;

import dev.chainmail.Bulkhead;
import dev.chainmail.RateLimit;
import dev.chainmail.Timeout;

/** Bulkheads, rate limits and timeouts through a proxy. */
@Timeout("5s")
class LimitChain {

  final Script script = new Script();

  /** Set by a test to make a call through the proxy while a call holds its permit. */
  Runnable during = () -> { };

  @Bulkhead(1)
  public String single() {
    script.step();
    Runnable nested = during;
    during = () -> { };
    nested.run();
    return "single#" + script.calls();
  }

  @RateLimit(value = 2, window = "1s")
  public String twoPerSecond() {
    script.step();
    return "twoPerSecond#" + script.calls();
  }

  @RateLimit(value = 1, window = "1s", maxWait = "1s")
  public String waits() {
    script.step();
    return "waits#" + script.calls();
  }

  @RateLimit(value = 1, window = "1s", name = "provider")
  public String providerOne() {
    return "providerOne";
  }

  @RateLimit(value = 1, window = "1s", name = "provider")
  public String providerTwo() {
    return "providerTwo";
  }

  @Timeout("1s")
  public String timed(BreakerChain.VirtualClockStep step) throws InterruptedException {
    script.step();
    step.run();
    if (Thread.currentThread().isInterrupted()) {
      throw new InterruptedException("saw the watchdog's interrupt");
    }
    return "timed#" + script.calls();
  }

  /** Covered by the type-level timeout of 5s only. */
  public String typeLevel(BreakerChain.VirtualClockStep step) {
    step.run();
    return "typeLevel";
  }

  /** Its own bulkhead, and still the type-level timeout. */
  @Bulkhead(3)
  public String bothLevels(BreakerChain.VirtualClockStep step) {
    step.run();
    return "bothLevels";
  }
}
