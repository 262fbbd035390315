package dev.chainmail.benchmarks;

import dev.chainmail.benchmarks.chains.FallbackChain;
import dev.chainmail.benchmarks.chains.ResilientFallbackChain;
import dev.chainmail.benchmarks.chains.Service;
import dev.chainmail.benchmarks.peers.ByteBuddyProxies;
import dev.chainmail.benchmarks.peers.JdkProxies;
import dev.chainmail.benchmarks.peers.Policies;
import dev.failsafe.Failsafe;
import dev.failsafe.Fallback;
import dev.failsafe.RetryPolicy;
import io.github.resilience4j.core.SupplierUtils;
import io.github.resilience4j.retry.Retry;
import io.smallrye.faulttolerance.api.TypedGuard;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
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
import org.springframework.retry.support.RetryTemplate;

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
  private FallbackChain resilience4jTarget;
  private Supplier<Integer> resilience4j;
  private FallbackChain failsafeTarget;
  private RetryPolicy<Integer> failsafeRetry;
  private Fallback<Integer> failsafeFallback;
  private FallbackChain springTarget;
  private RetryTemplate springTemplate;
  private FallbackChain smallryeTarget;
  private TypedGuard<Integer> smallryeGuard;
  private FallbackChain byteBuddy;
  private FallbackChain jdkProxyTarget;
  private Service jdkProxy;

  /** Builds every implementation once and checks that each makes three attempts and returns the fallback. */
  @Setup(Level.Trial)
  public void setUp() {
    plain = new FallbackChain();
    chainmail = new ResilientFallbackChain();
    resilience4jTarget = new FallbackChain();
    Retry retry = Policies.resilience4j(SCENARIO);
    resilience4j = SupplierUtils.recover(Retry.decorateSupplier(retry, () -> resilience4jTarget.call(x)),
        failure -> resilience4jTarget.fallback(x, failure));
    failsafeTarget = new FallbackChain();
    failsafeRetry = Policies.failsafe();
    // A block body: an expression lambda would match both Fallback.of(CheckedConsumer) and of(CheckedFunction).
    failsafeFallback = Fallback.of(event -> {
      return failsafeTarget.fallback(x, event.getLastException());
    });
    springTarget = new FallbackChain();
    springTemplate = Policies.springRetry();
    smallryeTarget = new FallbackChain();
    smallryeGuard = Policies.smallRye(TypedGuard.create(Integer.class))
        .withFallback().handler(failure -> smallryeTarget.fallback(x, failure)).done()
        .build();
    byteBuddy = ByteBuddyProxies.retryingWithFallback(FallbackChain.class, "call", "fallback");
    jdkProxyTarget = new FallbackChain();
    jdkProxy = JdkProxies.retryingWithFallback(Service.class, jdkProxyTarget, "call", "fallback");

    int expected = plain.fallback(x, new IllegalStateException());
    check("direct", plain, this::direct, expected);
    check("chainmail", chainmail, this::chainmail, expected);
    check("resilience4j", resilience4jTarget, this::resilience4j, expected);
    check("failsafe", failsafeTarget, this::failsafe, expected);
    check("springRetry", springTarget, this::springRetry, expected);
    check("smallrye", smallryeTarget, this::smallrye, expected);
    check("byteBuddy", byteBuddy, this::byteBuddy, expected);
    check("jdkProxy", jdkProxyTarget, this::jdkProxy, expected);
  }

  private static void check(String implementation, FallbackChain target, IntSupplier call, int expected) {
    for (int i = 0; i < 3; i++) {
      int before = target.calls();
      Sanity.sameResult(SCENARIO, implementation, expected, call.getAsInt());
      Sanity.attempts(SCENARIO, implementation, Policies.MAX_ATTEMPTS, target.calls() - before);
    }
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
    return resilience4j.get();
  }

  /** Failsafe: {@code Failsafe.with(fallback, retryPolicy).get(() -> chain.call(x))}. */
  @Benchmark
  public int failsafe() {
    return Failsafe.with(failsafeFallback, failsafeRetry).get(() -> failsafeTarget.call(x));
  }

  /** Spring Retry: {@code template.execute(context -> chain.call(x), context -> chain.fallback(...))}. */
  @Benchmark
  public int springRetry() {
    return springTemplate.execute(context -> springTarget.call(x),
        context -> springTarget.fallback(x, context.getLastThrowable()));
  }

  /** SmallRye Fault Tolerance: a guard built {@code withRetry()} and {@code withFallback()}. */
  @Benchmark
  public int smallrye() {
    return smallryeGuard.get(() -> smallryeTarget.call(x));
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
