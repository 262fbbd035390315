package dev.chainmail.benchmarks;

import dev.chainmail.benchmarks.chains.FailingChain;
import dev.chainmail.benchmarks.chains.Recoverable;
import dev.chainmail.benchmarks.chains.ResilientFailingStackChain;
import dev.chainmail.benchmarks.chains.ResilientStackChain;
import dev.chainmail.benchmarks.chains.StackChain;
import dev.chainmail.benchmarks.peers.FailsafePeer;
import dev.chainmail.benchmarks.peers.GuardedCall;
import dev.chainmail.benchmarks.peers.Policies;
import dev.chainmail.benchmarks.peers.Resilience4jPeer;
import java.util.function.IntSupplier;

/**
 * Scenario {@code stack-success}: a fallback around a retry (3 attempts, no pause) around a closed circuit breaker
 * (as in {@code breaker-success}), around a one-addition method that always succeeds: the common stack, on the path
 * every healthy call takes. Resilience4j: {@code Decorators.ofSupplier(() -> chain.call(x))}
 * {@code .withCircuitBreaker(breaker).withRetry(retry).withFallback(fallback).decorate()}, decorated once. Failsafe:
 * {@code Failsafe.with(fallback, retryPolicy, circuitBreaker).get(() -> chain.call(x))}. The probes, around an
 * always-failing chain, must retry, fall back, and stop calling the chain once their breaker opens.
 */
public class StackSuccessBenchmark extends GuardScenario<Recoverable, FailingChain> {

  @Override
  String scenario() {
    return "stack-success";
  }

  @Override
  Recoverable plainChain() {
    return new StackChain();
  }

  @Override
  Recoverable proxy() {
    return new ResilientStackChain();
  }

  @Override
  <T extends Recoverable> GuardedCall<T> resilience4jGuard(String name, T target, IntSupplier input,
      boolean probe) {
    return Resilience4jPeer.stacked(Policies.resilience4jBreaker(name), Policies.resilience4j(name), target, input,
        Recoverable::fallback);
  }

  @Override
  <T extends Recoverable> GuardedCall<T> failsafeGuard(T target, IntSupplier input, boolean probe) {
    return FailsafePeer.stacked(target, input, Recoverable::fallback);
  }

  @Override
  FailingChain probeTarget() {
    return new FailingChain();
  }

  @Override
  FailingChain proxyProbe() {
    return new ResilientFailingStackChain();
  }

  @Override
  void checkGuard(String implementation, IntSupplier call, FailingChain probe, int expected) {
    Sanity.opensBehindFallback(scenario(), implementation, call, probe, probe.fallback(x, null),
        Policies.MAX_ATTEMPTS, Policies.BREAKER_WINDOW);
  }
}
