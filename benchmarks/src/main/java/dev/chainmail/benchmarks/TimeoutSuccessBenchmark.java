package dev.chainmail.benchmarks;

import dev.chainmail.benchmarks.chains.ResilientSlowTimeoutChain;
import dev.chainmail.benchmarks.chains.ResilientTimeoutChain;
import dev.chainmail.benchmarks.chains.Service;
import dev.chainmail.benchmarks.chains.SlowChain;
import dev.chainmail.benchmarks.chains.TimeoutChain;
import dev.chainmail.benchmarks.peers.FailsafePeer;
import dev.chainmail.benchmarks.peers.GuardedCall;
import dev.chainmail.benchmarks.peers.Policies;
import dev.chainmail.benchmarks.peers.Resilience4jPeer;
import java.time.Duration;
import java.util.function.IntSupplier;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * Scenario {@code timeout-success}: a synchronous timeout of 1 s around a one-addition method that always returns
 * at once. Chainmail and Failsafe run the call on the caller's thread and arm a deadline around it. Resilience4j's
 * time limiter is future-based, so its synchronous form hands the call to another thread and waits for it:
 * {@code TimeLimiter.decorateFutureSupplier(limiter, () -> CompletableFuture.supplyAsync(() -> chain.call(x),}
 * {@code executor))}, decorated once, then {@code call()}, with a pool of one thread created once. Failsafe is
 * measured twice: {@code Timeout.of(1s)}, which lets the call run on and fails it when it returns, and
 * {@code withInterrupt()}, which interrupts it, as Chainmail does. The probes, with a 20 ms timeout around a call
 * that takes 100 ms, must fail the call.
 */
public class TimeoutSuccessBenchmark extends GuardScenario<Service, SlowChain> {

  private GuardedCall<Service> failsafeInterrupt;

  @Override
  String scenario() {
    return "timeout-success";
  }

  @Override
  Service plainChain() {
    return new TimeoutChain();
  }

  @Override
  Service proxy() {
    return new ResilientTimeoutChain();
  }

  @Override
  <T extends Service> GuardedCall<T> resilience4jGuard(String name, T target, IntSupplier input, boolean probe) {
    return Resilience4jPeer.timeLimited(Policies.resilience4jTimeLimiter(timeout(probe)), target, input);
  }

  @Override
  <T extends Service> GuardedCall<T> failsafeGuard(T target, IntSupplier input, boolean probe) {
    return FailsafePeer.timeout(timeout(probe), false, target, input);
  }

  @Override
  SlowChain probeTarget() {
    return new SlowChain();
  }

  @Override
  SlowChain proxyProbe() {
    return new ResilientSlowTimeoutChain();
  }

  @Override
  void checkGuard(String implementation, IntSupplier call, SlowChain probe, int expected) {
    Sanity.timesOut(scenario(), implementation, call);
  }

  @Override
  void setUpMore(Service plain, IntSupplier input, int expected) {
    failsafeInterrupt = FailsafePeer.timeout(Policies.TIMEOUT, true, plain, input);
    Sanity.sameResult(scenario(), "failsafeInterrupt", expected, failsafeInterrupt());
    GuardedCall<SlowChain> probe = FailsafePeer.timeout(Policies.PROBE_TIMEOUT, true, new SlowChain(), input);
    checkGuard("failsafeInterrupt", probe::call, probe.target(), expected);
  }

  private static Duration timeout(boolean probe) {
    return probe ? Policies.PROBE_TIMEOUT : Policies.TIMEOUT;
  }

  /** Failsafe with {@code Timeout.builder(1s).withInterrupt()}, which interrupts a late call as Chainmail does. */
  @Benchmark
  public int failsafeInterrupt() {
    return failsafeInterrupt.call();
  }
}
