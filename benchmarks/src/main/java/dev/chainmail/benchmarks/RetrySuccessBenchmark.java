package dev.chainmail.benchmarks;

import dev.chainmail.benchmarks.chains.ResilientRetryChain;
import dev.chainmail.benchmarks.chains.RetryChain;
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
 * Scenario {@code retry-success}: a retry guard (3 attempts, no pause) around a one-addition method that always
 * succeeds at once. This is the cost every call pays, failing or not.
 */
@BenchmarkMode(Mode.AverageTime)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class RetrySuccessBenchmark {

  /** The input: a field, not a constant, so that the call cannot be folded away. */
  int x = 41;

  private RetryChain plain;
  private RetryChain chainmail;
  private GuardedCall<RetryChain> resilience4jDecorated;
  private GuardedCall<RetryChain> resilience4jExecute;
  private GuardedCall<RetryChain> failsafe;
  private GuardedCall<RetryChain> springRetry;
  private GuardedCall<RetryChain> smallrye;
  private RetryChain byteBuddy;
  private Service jdkProxy;

  /** The scenario's name in results and sanity messages. */
  String scenario() {
    return "retry-success";
  }

  /** Builds every implementation once, as an application would at start-up, and checks that each is sound. */
  @Setup(Level.Trial)
  public void setUp() {
    String scenario = scenario();
    IntSupplier input = () -> x;
    plain = new RetryChain();
    chainmail = new ResilientRetryChain();
    Retry retry = Policies.resilience4j(scenario);
    resilience4jDecorated = Resilience4jPeer.decorated(retry, plain, input);
    resilience4jExecute = Resilience4jPeer.executed(retry, plain, input);
    failsafe = FailsafePeer.retry(plain, input);
    springRetry = SpringRetryPeer.retry(plain, input);
    smallrye = SmallRyePeer.retry(plain, input);
    byteBuddy = ByteBuddyProxies.retrying(RetryChain.class, "call");
    jdkProxy = JdkProxies.retrying(Service.class, plain);

    int expected = direct();
    Sanity.sameResult(scenario, "chainmail", expected, chainmail());
    Sanity.sameResult(scenario, "resilience4jDecorated", expected, resilience4jDecorated());
    Sanity.sameResult(scenario, "resilience4jExecute", expected, resilience4jExecute());
    Sanity.sameResult(scenario, "failsafe", expected, failsafe());
    Sanity.sameResult(scenario, "springRetry", expected, springRetry());
    Sanity.sameResult(scenario, "smallrye", expected, smallrye());
    Sanity.sameResult(scenario, "byteBuddy", expected, byteBuddy());
    Sanity.sameResult(scenario, "jdkProxy", expected, jdkProxy());
  }

  /** The floor: the chain method called with no guard. */
  @Benchmark
  public int direct() {
    return plain.call(x);
  }

  /** The generated proxy, {@code new ResilientRetryChain()}. */
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
