package dev.chainmail.behaviour;

import dev.chainmail.Bulkhead;
import dev.chainmail.CircuitBreaker;
import dev.chainmail.RateLimit;
import java.util.concurrent.atomic.AtomicInteger;

/** One proxy hammered by many threads: the breaker, limit and bulkhead must hold under contention. */
class GuardStressChain {

  final AtomicInteger running = new AtomicInteger();
  final AtomicInteger mostRunning = new AtomicInteger();

  @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = "1ms", successThreshold = 2)
  @RateLimit(value = 1_000_000, window = "1ms")
  @Bulkhead(3)
  public int work(boolean fail) {
    int now = running.incrementAndGet();
    mostRunning.accumulateAndGet(now, Math::max);
    try {
      if (fail) {
        throw new IllegalStateException("planned");
      }
      return now;
    } finally {
      running.decrementAndGet();
    }
  }
}
