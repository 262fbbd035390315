package dev.chainmail.benchmarks;

import dev.chainmail.benchmarks.chains.FallbackChain;
import dev.chainmail.benchmarks.chains.ResilientFallbackChain;
import dev.chainmail.benchmarks.chains.Service;
import dev.chainmail.benchmarks.peers.ByteBuddyProxies;
import dev.chainmail.benchmarks.peers.FailsafePeer;
import dev.chainmail.benchmarks.peers.GuardedCall;
import dev.chainmail.benchmarks.peers.JdkProxies;
import dev.chainmail.benchmarks.peers.Policies;
import dev.chainmail.benchmarks.peers.Resilience4jPeer;
import dev.chainmail.benchmarks.peers.SmallRyePeer;
import dev.chainmail.benchmarks.peers.SpringRetryPeer;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scenario {@code retry-fallback}: a retry (3 attempts, no pause) inside a fallback, around a method that always
 * fails. Each guarded call makes three attempts, each throwing a new exception, and then the fallback answers.
 * Every implementation calls its own {@link FallbackChain}.
 *
 * <p>{@code direct} is the floor here: a hand-written retry loop with a fallback in its catch block.
 */
@BenchmarkMode(Mode.AverageTime)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class RetryFallbackBenchmark {

  private static final String SCENARIO = "retry-fallback";

  /** The input: a field, not a constant, so that the call cannot be folded away. */
  int x = 41;

  private FallbackChain plain;
  private FallbackChain chainmail;
  private GuardedCall<FallbackChain> resilience4j;
  private GuardedCall<FallbackChain> failsafe;
  private GuardedCall<FallbackChain> springRetry;
  private GuardedCall<FallbackChain> smallrye;
  private FallbackChain byteBuddy;
  private FallbackChain jdkProxyTarget;
  private Service jdkProxy;

  /** Builds every implementation once and checks that each makes three attempts and returns the fallback. */
  @Setup(Level.Trial)
  public void setUp() {
    IntSupplier input = () -> x;
    plain = new FallbackChain();
    chainmail = new ResilientFallbackChain();
    resilience4j = Resilience4jPeer.decoratedWithFallback(Policies.resilience4j(SCENARIO), new FallbackChain(),
        input, FallbackChain::fallback);
    failsafe = FailsafePeer.retryWithFallback(new FallbackChain(), input, FallbackChain::fallback);
    springRetry = SpringRetryPeer.retryWithFallback(new FallbackChain(), input, FallbackChain::fallback);
    smallrye = SmallRyePeer.retryWithFallback(new FallbackChain(), input, FallbackChain::fallback);
    byteBuddy = ByteBuddyProxies.retryingWithFallback(FallbackChain.class, "call", "fallback");
    jdkProxyTarget = new FallbackChain();
    jdkProxy = JdkProxies.retryingWithFallback(Service.class, jdkProxyTarget, "call", "fallback");

    int expected = plain.fallback(x, new IllegalStateException());
    check("direct", plain, this::direct, expected);
    check("chainmail", chainmail, this::chainmail, expected);
    check("resilience4j", resilience4j.target(), this::resilience4j, expected);
    check("failsafe", failsafe.target(), this::failsafe, expected);
    check("springRetry", springRetry.target(), this::springRetry, expected);
    check("smallrye", smallrye.target(), this::smallrye, expected);
    check("byteBuddy", byteBuddy, this::byteBuddy, expected);
    check("jdkProxy", jdkProxyTarget, this::jdkProxy, expected);
  }

  private static void check(String implementation, FallbackChain target, IntSupplier call, int expected) {
    Sanity.retries(SCENARIO, implementation, call, expected, target::calls, Policies.MAX_ATTEMPTS);
  }

  /** The floor: a hand-written retry loop with the fallback in its catch block. */
  @Benchmark
  public int direct() {
    int attempt = 0;
    while (true) {
      try {
        return plain.call(x);
      } catch (RuntimeException e) {
        if (++attempt >= Policies.MAX_ATTEMPTS) {
          return plain.fallback(x, e);
        }
      }
    }
  }

  /** The generated proxy, {@code new ResilientFallbackChain()}. */
  @Benchmark
  public int chainmail() {
    return chainmail.call(x);
  }

  /** Resilience4j, decorated once: {@code SupplierUtils.recover(Retry.decorateSupplier(...), fallback)}. */
  @Benchmark
  public int resilience4j() {
    return resilience4j.call();
  }

  /** Failsafe: {@code Failsafe.with(fallback, retryPolicy).get(() -> chain.call(x))}. */
  @Benchmark
  public int failsafe() {
    return failsafe.call();
  }

  /** Spring Retry: {@code template.execute(context -> chain.call(x), context -> chain.fallback(...))}. */
  @Benchmark
  public int springRetry() {
    return springRetry.call();
  }

  /** SmallRye Fault Tolerance: a guard built {@code withRetry()} and {@code withFallback()}. */
  @Benchmark
  public int smallrye() {
    return smallrye.call();
  }

  /** A Byte Buddy subclass proxy whose generic interceptor calls the fallback by reflection. */
  @Benchmark
  public int byteBuddy() {
    return byteBuddy.call(x);
  }

  /** A {@link java.lang.reflect.Proxy} whose generic handler calls the fallback by reflection. */
  @Benchmark
  public int jdkProxy() {
    return jdkProxy.call(x);
  }
}
