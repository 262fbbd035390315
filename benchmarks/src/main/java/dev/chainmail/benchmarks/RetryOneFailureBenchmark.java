package dev.chainmail.benchmarks;

import dev.chainmail.benchmarks.chains.FlakyChain;
import dev.chainmail.benchmarks.chains.ResilientFlakyChain;
import dev.chainmail.benchmarks.chains.Service;
import dev.chainmail.benchmarks.peers.ByteBuddyProxies;
import dev.chainmail.benchmarks.peers.FailsafePeer;
import dev.chainmail.benchmarks.peers.GuardedCall;
import dev.chainmail.benchmarks.peers.JdkProxies;
import dev.chainmail.benchmarks.peers.Policies;
import dev.chainmail.benchmarks.peers.Resilience4jPeer;
import dev.chainmail.benchmarks.peers.SmallRyePeer;
import dev.chainmail.benchmarks.peers.SpringRetryPeer;
import io.github.resilience4j.retry.Retry;
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
 * Scenario {@code retry-one-failure}: each guarded call fails once, with a newly thrown exception, and succeeds
 * at its second attempt, with no pause. Every implementation calls its own {@link FlakyChain}, so each pays for
 * the same two calls and the same exception; what differs is the guard.
 *
 * <p>{@code direct} is the floor here: a hand-written retry loop around the plain chain, the least any guard can
 * do.
 */
@BenchmarkMode(Mode.AverageTime)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class RetryOneFailureBenchmark {

  private static final String SCENARIO = "retry-one-failure";

  /** The input: a field, not a constant, so that the call cannot be folded away. */
  int x = 41;

  private FlakyChain plain;
  private FlakyChain chainmail;
  private GuardedCall<FlakyChain> resilience4jDecorated;
  private GuardedCall<FlakyChain> resilience4jExecute;
  private GuardedCall<FlakyChain> failsafe;
  private GuardedCall<FlakyChain> springRetry;
  private GuardedCall<FlakyChain> smallrye;
  private FlakyChain byteBuddy;
  private FlakyChain jdkProxyTarget;
  private Service jdkProxy;

  /** Builds every implementation once and checks that each returns the right value after exactly two attempts. */
  @Setup(Level.Trial)
  public void setUp() {
    IntSupplier input = () -> x;
    plain = new FlakyChain();
    chainmail = new ResilientFlakyChain();
    Retry retry = Policies.resilience4j(SCENARIO);
    resilience4jDecorated = Resilience4jPeer.decorated(retry, new FlakyChain(), input);
    resilience4jExecute = Resilience4jPeer.executed(retry, new FlakyChain(), input);
    failsafe = FailsafePeer.retry(new FlakyChain(), input);
    springRetry = SpringRetryPeer.retry(new FlakyChain(), input);
    smallrye = SmallRyePeer.retry(new FlakyChain(), input);
    byteBuddy = ByteBuddyProxies.retrying(FlakyChain.class, "call");
    jdkProxyTarget = new FlakyChain();
    jdkProxy = JdkProxies.retrying(Service.class, jdkProxyTarget);

    int expected = x + 1;
    check("direct", plain, this::direct, expected);
    check("chainmail", chainmail, this::chainmail, expected);
    check("resilience4jDecorated", resilience4jDecorated.target(), this::resilience4jDecorated, expected);
    check("resilience4jExecute", resilience4jExecute.target(), this::resilience4jExecute, expected);
    check("failsafe", failsafe.target(), this::failsafe, expected);
    check("springRetry", springRetry.target(), this::springRetry, expected);
    check("smallrye", smallrye.target(), this::smallrye, expected);
    check("byteBuddy", byteBuddy, this::byteBuddy, expected);
    check("jdkProxy", jdkProxyTarget, this::jdkProxy, expected);
  }

  private static void check(String implementation, FlakyChain target, IntSupplier call, int expected) {
    Sanity.retries(SCENARIO, implementation, call, expected, target::calls, 2);
  }

  /** The floor: a hand-written retry loop around the plain chain. */
  @Benchmark
  public int direct() {
    int attempt = 0;
    while (true) {
      try {
        return plain.call(x);
      } catch (RuntimeException e) {
        if (++attempt >= Policies.MAX_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  /** The generated proxy, {@code new ResilientFlakyChain()}. */
  @Benchmark
  public int chainmail() {
    return chainmail.call(x);
  }

  /** Resilience4j, decorated once: {@code Retry.decorateSupplier(retry, () -> chain.call(x))}. */
  @Benchmark
  public int resilience4jDecorated() {
    return resilience4jDecorated.call();
  }

  /** Resilience4j, decorated at the call site: {@code retry.executeSupplier(() -> chain.call(x))}. */
  @Benchmark
  public int resilience4jExecute() {
    return resilience4jExecute.call();
  }

  /** Failsafe: {@code Failsafe.with(retryPolicy).get(() -> chain.call(x))}. */
  @Benchmark
  public int failsafe() {
    return failsafe.call();
  }

  /** Spring Retry without a Spring context: {@code template.execute(context -> chain.call(x))}. */
  @Benchmark
  public int springRetry() {
    return springRetry.call();
  }

  /** SmallRye Fault Tolerance, standalone programmatic API: {@code guard.get(() -> chain.call(x))}. */
  @Benchmark
  public int smallrye() {
    return smallrye.call();
  }

  /** A Byte Buddy subclass proxy with a generic {@code @SuperCall} interceptor. */
  @Benchmark
  public int byteBuddy() {
    return byteBuddy.call(x);
  }

  /** A {@link java.lang.reflect.Proxy} with a generic invocation handler. */
  @Benchmark
  public int jdkProxy() {
    return jdkProxy.call(x);
  }
}
