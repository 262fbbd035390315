package dev.chainmail.behaviour;

import dev.chainmail.Bulkhead;
import dev.chainmail.CircuitBreaker;
import dev.chainmail.Fallback;
import dev.chainmail.RateLimit;
import dev.chainmail.Retry;
import dev.chainmail.Timeout;
import java.util.ArrayList;
import java.util.List;

/** How the guards nest: each method stacks guards whose order shows in what happens. */
class CompositionChain {

  final Script script = new Script();
  final List<Throwable> fallbackCauses = new ArrayList<>();

  /** Retry outside the breaker: the breaker opens during the retries, and the last attempt is rejected. */
  @Retry(maxAttempts = 3)
  @CircuitBreaker(requestVolumeThreshold = 2, failureRatio = 1.0, delay = "1m")
  public String retriedThroughBreaker() {
    script.step();
    return "retried#" + script.calls();
  }

  /** The breaker's rejection is not retried when retryOn does not name it. */
  @Retry(maxAttempts = 5, retryOn = IllegalStateException.class)
  @CircuitBreaker(requestVolumeThreshold = 1, failureRatio = 1.0, delay = "1m")
  public String notRetriedWhenOpen() {
    script.step();
    return "notRetried#" + script.calls();
  }

  /** The fallback answers for the guards' own exceptions too. */
  @Fallback(method = "recover")
  @CircuitBreaker(requestVolumeThreshold = 1, failureRatio = 1.0, delay = "1m")
  @RateLimit(value = 1, window = "1h")
  public String fallsBack() {
    script.step();
    return "fallsBack#" + script.calls();
  }

  String recover(Throwable cause) {
    fallbackCauses.add(cause);
    return "recovered";
  }

  /** A rate-limit permit per attempt: the retries use up the limit. */
  @Retry(maxAttempts = 3)
  @RateLimit(value = 2, window = "1h")
  public String retriedThroughLimit() {
    script.step();
    return "retriedLimit#" + script.calls();
  }

  /** Each attempt gets the whole timeout again. */
  @Retry(maxAttempts = 3)
  @Timeout("1s")
  public String retriedTimeout(BreakerChain.VirtualClockStep step) {
    script.step();
    step.run();
    return "retriedTimeout#" + script.calls();
  }

  /** Every guard stacked. */
  @Fallback(method = "recover")
  @Retry(maxAttempts = 2)
  @CircuitBreaker(requestVolumeThreshold = 10)
  @RateLimit(value = 100)
  @Timeout("1s")
  @Bulkhead(1)
  public String everything() {
    script.step();
    return "everything#" + script.calls();
  }
}
