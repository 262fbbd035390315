package dev.chainmail.benchmarks;

import dev.chainmail.benchmarks.chains.CountingChain;
import dev.chainmail.benchmarks.chains.RateLimitChain;
import dev.chainmail.benchmarks.chains.ResilientLimitedChain;
import dev.chainmail.benchmarks.chains.ResilientRateLimitChain;
import dev.chainmail.benchmarks.chains.Service;
import dev.chainmail.benchmarks.peers.FailsafePeer;
import dev.chainmail.benchmarks.peers.GuardedCall;
import dev.chainmail.benchmarks.peers.Policies;
import dev.chainmail.benchmarks.peers.Resilience4jPeer;
import java.time.Duration;
import java.util.function.IntSupplier;

/**
 * Scenario {@code rate-limit-success}: a rate limit that is never reached (1,000 calls per microsecond, no wait)
 * around a one-addition method that always succeeds. Every call still takes a permit: Chainmail's strict limiter
 * records its grant time in a ring of the last 1,000 (8 KB); the peers refresh a count of permits each period.
 * Resilience4j: {@code RateLimiter.decorateSupplier(limiter, () -> chain.call(x))}, decorated once. Failsafe: a
 * bursty limiter, {@code Failsafe.with(rateLimiter).get(() -> chain.call(x))}. The probes, limited to 2 calls per
 * hour, must reject the third call without running the chain method.
 */
public class RateLimitSuccessBenchmark extends GuardScenario<Service, CountingChain> {

  @Override
  String scenario() {
    return "rate-limit-success";
  }

  @Override
  Service plainChain() {
    return new RateLimitChain();
  }

  @Override
  Service proxy() {
    return new ResilientRateLimitChain();
  }

  @Override
  <T extends Service> GuardedCall<T> resilience4jGuard(String name, T target, IntSupplier input, boolean probe) {
    return Resilience4jPeer.decorated(Policies.resilience4jRateLimiter(name, permits(probe), window(probe)), target,
        input);
  }

  @Override
  <T extends Service> GuardedCall<T> failsafeGuard(T target, IntSupplier input, boolean probe) {
    return FailsafePeer.rateLimited(permits(probe), window(probe), target, input);
  }

  @Override
  CountingChain probeTarget() {
    return new CountingChain();
  }

  @Override
  CountingChain proxyProbe() {
    return new ResilientLimitedChain();
  }

  @Override
  void checkGuard(String implementation, IntSupplier call, CountingChain probe, int expected) {
    Sanity.rejectsPastLimit(scenario(), implementation, call, probe::calls, expected, Policies.PROBE_RATE_LIMIT);
  }

  private static int permits(boolean probe) {
    return probe ? Policies.PROBE_RATE_LIMIT : Policies.RATE_LIMIT;
  }

  private static Duration window(boolean probe) {
    return probe ? Policies.PROBE_RATE_LIMIT_WINDOW : Policies.RATE_LIMIT_WINDOW;
  }
}
