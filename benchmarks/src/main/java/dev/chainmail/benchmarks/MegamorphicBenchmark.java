package dev.chainmail.benchmarks;

import dev.chainmail.benchmarks.chains.ResilientStep0;
import dev.chainmail.benchmarks.chains.ResilientStep1;
import dev.chainmail.benchmarks.chains.ResilientStep2;
import dev.chainmail.benchmarks.chains.ResilientStep3;
import dev.chainmail.benchmarks.chains.ResilientStep4;
import dev.chainmail.benchmarks.chains.ResilientStep5;
import dev.chainmail.benchmarks.chains.ResilientStep6;
import dev.chainmail.benchmarks.chains.ResilientStep7;
import dev.chainmail.benchmarks.chains.Service;
import dev.chainmail.benchmarks.chains.Step0;
import dev.chainmail.benchmarks.chains.Step1;
import dev.chainmail.benchmarks.chains.Step2;
import dev.chainmail.benchmarks.chains.Step3;
import dev.chainmail.benchmarks.chains.Step4;
import dev.chainmail.benchmarks.chains.Step5;
import dev.chainmail.benchmarks.chains.Step6;
import dev.chainmail.benchmarks.chains.Step7;
import dev.chainmail.benchmarks.peers.ByteBuddyProxies;
import dev.chainmail.benchmarks.peers.GuardedCall;
import dev.chainmail.benchmarks.peers.JdkProxies;
import dev.chainmail.benchmarks.peers.Policies;
import dev.chainmail.benchmarks.peers.Resilience4jPeer;
import io.github.resilience4j.retry.Retry;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scenario {@code megamorphic}: eight distinct guarded chain classes, each with its own guard, called in turn
 * through one call site, as an application with many chains calls them from shared code. The JIT can no longer
 * inline a single receiver there. Each benchmark invocation makes eight calls; times are per call
 * ({@code @OperationsPerInvocation(8)}).
 *
 * <p>Every {@link java.lang.reflect.Proxy} of one interface shares one class, so for {@code jdkProxy} the call site
 * stays monomorphic and the eight targets meet inside {@code Method.invoke}. Resilience4j uses one shared
 * {@code Retry} decorating eight different suppliers, so its eight targets meet inside the decorator.
 */
@BenchmarkMode(Mode.AverageTime)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@OperationsPerInvocation(MegamorphicBenchmark.CHAINS)
public class MegamorphicBenchmark {

  static final int CHAINS = 8;
  private static final String SCENARIO = "megamorphic";

  /** The input: a field, not a constant, so that the calls cannot be folded away. */
  int x = 41;

  private Service[] plain;
  private Service[] chainmail;
  private Service[] byteBuddy;
  private Service[] jdkProxy;
  private GuardedCall<?>[] resilience4j;

  /** Builds the eight chains of each implementation and checks that each returns what its plain chain does. */
  @Setup(Level.Trial)
  public void setUp() {
    plain = steps();
    chainmail = new Service[] {new ResilientStep0(), new ResilientStep1(), new ResilientStep2(),
        new ResilientStep3(), new ResilientStep4(), new ResilientStep5(), new ResilientStep6(),
        new ResilientStep7()};
    byteBuddy = new Service[CHAINS];
    jdkProxy = new Service[CHAINS];
    resilience4j = new GuardedCall<?>[CHAINS];
    Retry retry = Policies.resilience4j(SCENARIO);
    IntSupplier input = () -> x;
    Service[] resilience4jTargets = steps();
    for (int i = 0; i < CHAINS; i++) {
      byteBuddy[i] = ByteBuddyProxies.retrying(plain[i].getClass(), "call");
      jdkProxy[i] = JdkProxies.retrying(Service.class, plain[i]);
      resilience4j[i] = Resilience4jPeer.decorated(retry, resilience4jTargets[i], input);
    }

    for (int i = 0; i < CHAINS; i++) {
      int expected = plain[i].call(x);
      Sanity.sameResult(SCENARIO, "chainmail[" + i + "]", expected, chainmail[i].call(x));
      Sanity.sameResult(SCENARIO, "byteBuddy[" + i + "]", expected, byteBuddy[i].call(x));
      Sanity.sameResult(SCENARIO, "jdkProxy[" + i + "]", expected, jdkProxy[i].call(x));
      Sanity.sameResult(SCENARIO, "resilience4j[" + i + "]", expected, resilience4j[i].call());
    }
  }

  /** The floor: the eight plain chains. */
  @Benchmark
  public int direct() {
    return callEach(plain);
  }

  /** Eight generated proxies, {@code ResilientStep0} to {@code ResilientStep7}. */
  @Benchmark
  public int chainmail() {
    return callEach(chainmail);
  }

  /** Eight Byte Buddy subclass proxies, one generated class each. */
  @Benchmark
  public int byteBuddy() {
    return callEach(byteBuddy);
  }

  /** Eight {@link java.lang.reflect.Proxy} instances, one proxy class between them. */
  @Benchmark
  public int jdkProxy() {
    return callEach(jdkProxy);
  }

  /** One Resilience4j {@code Retry} decorating eight suppliers, one per chain. */
  @Benchmark
  public int resilience4j() {
    int sum = 0;
    for (GuardedCall<?> call : resilience4j) {
      sum += call.call();
    }
    return sum;
  }

  private static Service[] steps() {
    return new Service[] {new Step0(), new Step1(), new Step2(), new Step3(), new Step4(), new Step5(), new Step6(),
        new Step7()};
  }

  private int callEach(Service[] services) {
    int sum = 0;
    for (Service service : services) {
      sum += service.call(x);
    }
    return sum;
  }
}
