package dev.chainmail.benchmarks;

import dev.chainmail.benchmarks.chains.BulkheadChain;
import dev.chainmail.benchmarks.chains.GatedChain;
import dev.chainmail.benchmarks.chains.ResilientBulkheadChain;
import dev.chainmail.benchmarks.chains.ResilientGatedBulkheadChain;
import dev.chainmail.benchmarks.chains.Service;
import dev.chainmail.benchmarks.peers.FailsafePeer;
import dev.chainmail.benchmarks.peers.GuardedCall;
import dev.chainmail.benchmarks.peers.Policies;
import dev.chainmail.benchmarks.peers.Resilience4jPeer;
import java.util.function.IntSupplier;

/**
 * Scenario {@code bulkhead-success}: a bulkhead of 10 concurrent calls, never full, around a one-addition method
 * that always succeeds: each call takes a permit and gives it back. Resilience4j: a semaphore bulkhead,
 * {@code Bulkhead.decorateSupplier(bulkhead, () -> chain.call(x))}, decorated once. Failsafe:
 * {@code Failsafe.with(bulkhead).get(() -> chain.call(x))}. The probes must reject an eleventh call while ten are
 * held inside.
 */
public class BulkheadSuccessBenchmark extends GuardScenario<Service, GatedChain> {

  @Override
  String scenario() {
    return "bulkhead-success";
  }

  @Override
  Service plainChain() {
    return new BulkheadChain();
  }

  @Override
  Service proxy() {
    return new ResilientBulkheadChain();
  }

  @Override
  <T extends Service> GuardedCall<T> resilience4jGuard(String name, T target, IntSupplier input, boolean probe) {
    return Resilience4jPeer.decorated(Policies.resilience4jBulkhead(name), target, input);
  }

  @Override
  <T extends Service> GuardedCall<T> failsafeGuard(T target, IntSupplier input, boolean probe) {
    return FailsafePeer.bulkhead(target, input);
  }

  @Override
  GatedChain probeTarget() {
    return new GatedChain();
  }

  @Override
  GatedChain proxyProbe() {
    return new ResilientGatedBulkheadChain();
  }

  @Override
  void checkGuard(String implementation, IntSupplier call, GatedChain probe, int expected) {
    Sanity.rejectsWhenFull(scenario(), implementation, call, probe, expected, Policies.BULKHEAD_MAX_CONCURRENT);
  }
}
