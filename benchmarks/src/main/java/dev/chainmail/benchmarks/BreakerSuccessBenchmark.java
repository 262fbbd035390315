package dev.chainmail.benchmarks;

import dev.chainmail.benchmarks.chains.BreakerChain;
import dev.chainmail.benchmarks.chains.FailingChain;
import dev.chainmail.benchmarks.chains.ResilientBreakerChain;
import dev.chainmail.benchmarks.chains.ResilientFailingBreakerChain;
import dev.chainmail.benchmarks.chains.Service;
import dev.chainmail.benchmarks.peers.FailsafePeer;
import dev.chainmail.benchmarks.peers.GuardedCall;
import dev.chainmail.benchmarks.peers.Policies;
import dev.chainmail.benchmarks.peers.Resilience4jPeer;
import java.util.function.IntSupplier;

/**
 * Scenario {@code breaker-success}: a closed circuit breaker (a count window of 20 calls, opening at a failure
 * ratio of 0.5) around a one-addition method that always succeeds: what a breaker costs every call while the
 * dependency is healthy. Resilience4j: {@code CircuitBreaker.decorateSupplier(breaker, () -> chain.call(x))},
 * decorated once. Failsafe: {@code Failsafe.with(circuitBreaker).get(() -> chain.call(x))}. The probes, around an
 * always-failing chain, must open.
 */
public class BreakerSuccessBenchmark extends GuardScenario<Service, FailingChain> {

  @Override
  String scenario() {
    return "breaker-success";
  }

  @Override
  Service plainChain() {
    return new BreakerChain();
  }

  @Override
  Service proxy() {
    return new ResilientBreakerChain();
  }

  @Override
  <T extends Service> GuardedCall<T> resilience4jGuard(String name, T target, IntSupplier input, boolean probe) {
    return Resilience4jPeer.decorated(Policies.resilience4jBreaker(name), target, input);
  }

  @Override
  <T extends Service> GuardedCall<T> failsafeGuard(T target, IntSupplier input, boolean probe) {
    return FailsafePeer.breaker(target, input);
  }

  @Override
  FailingChain probeTarget() {
    return new FailingChain();
  }

  @Override
  FailingChain proxyProbe() {
    return new ResilientFailingBreakerChain();
  }

  @Override
  void checkGuard(String implementation, IntSupplier call, FailingChain probe, int expected) {
    Sanity.opensAfterFailures(scenario(), implementation, call, probe, Policies.BREAKER_WINDOW);
  }
}
