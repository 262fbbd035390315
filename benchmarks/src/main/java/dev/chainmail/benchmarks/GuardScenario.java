package dev.chainmail.benchmarks;

import dev.chainmail.benchmarks.chains.Service;
import dev.chainmail.benchmarks.peers.GuardedCall;
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
 * What the guard scenarios share ({@code breaker-success}, {@code stack-success}, {@code bulkhead-success},
 * {@code timeout-success}, {@code rate-limit-success} and their contention variants): a guard, or a stack of them,
 * on the success path of a one-addition method, measured as the direct call, the Chainmail proxy, and the same
 * guard in Resilience4j and in Failsafe. A subclass, one per scenario, builds each implementation through the hooks
 * below, from {@code peers/}; this class builds them once, checks them and holds the benchmark methods.
 *
 * <p>The checks: each implementation returns what {@code direct} returns; then each guard is seen to act (a breaker
 * opens, a bulkhead fills, a timeout fires, a limiter rejects) on a probe: a separate instance of the same guard,
 * built by the same hook, around a probe chain that fails, blocks, or is slow. The measured instances stay in their
 * success state.
 *
 * @param <S> the chain type the guards take
 * @param <P> the probe chain type
 */
@BenchmarkMode(Mode.AverageTime)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public abstract class GuardScenario<S extends Service, P extends S> {

  /** The input: a field, not a constant, so that the call cannot be folded away. */
  int x = 41;

  private S plain;
  private S chainmail;
  private GuardedCall<S> resilience4j;
  private GuardedCall<S> failsafe;

  /** @return the scenario's name in results and sanity messages */
  abstract String scenario();

  /** @return a new plain chain: the direct call, and the target of the peers' guards */
  abstract S plainChain();

  /** @return a new generated proxy of the plain chain's class */
  abstract S proxy();

  /**
   * Builds Resilience4j's guard.
   *
   * @param name the guard's name
   * @param target the object called
   * @param input the argument of each call
   * @param probe whether the guard is a probe, which some scenarios configure to act sooner
   * @param <T> the chain type
   * @return the guarded call
   */
  abstract <T extends S> GuardedCall<T> resilience4jGuard(String name, T target, IntSupplier input, boolean probe);

  /**
   * Builds Failsafe's guard.
   *
   * @param target the object called
   * @param input the argument of each call
   * @param probe whether the guard is a probe, which some scenarios configure to act sooner
   * @param <T> the chain type
   * @return the guarded call
   */
  abstract <T extends S> GuardedCall<T> failsafeGuard(T target, IntSupplier input, boolean probe);

  /** @return a new probe chain, unguarded, for the peers' probes to guard */
  abstract P probeTarget();

  /** @return a new generated proxy of a probe chain class, with the scenario's guards */
  abstract P proxyProbe();

  /**
   * Checks that a probe's guard acts.
   *
   * @param implementation the implementation, for the message
   * @param call one guarded call of {@code probe}
   * @param probe the probe chain the call reaches, if its guard lets it
   * @param expected what {@code direct} returns
   * @throws IllegalStateException if the guard does not act
   */
  abstract void checkGuard(String implementation, IntSupplier call, P probe, int expected);

  /**
   * Builds and checks what a scenario measures beyond the four implementations here; nothing by default.
   *
   * @param plain the plain chain, for the guards to call
   * @param input the argument of each call
   * @param expected what {@code direct} returns
   */
  void setUpMore(S plain, IntSupplier input, int expected) {}

  /** Builds every implementation once, as an application would at start-up, and checks that each is sound. */
  @Setup(Level.Trial)
  public void setUp() {
    String scenario = scenario();
    IntSupplier input = () -> x;
    plain = plainChain();
    chainmail = proxy();
    resilience4j = resilience4jGuard(scenario, plain, input, false);
    failsafe = failsafeGuard(plain, input, false);

    int expected = direct();
    Sanity.sameResult(scenario, "chainmail", expected, chainmail());
    Sanity.sameResult(scenario, "resilience4j", expected, resilience4j());
    Sanity.sameResult(scenario, "failsafe", expected, failsafe());

    P chainmailProbe = proxyProbe();
    checkGuard("chainmail", () -> chainmailProbe.call(x), chainmailProbe, expected);
    GuardedCall<P> probe = resilience4jGuard(scenario + "-probe", probeTarget(), input, true);
    checkGuard("resilience4j", probe::call, probe.target(), expected);
    probe = failsafeGuard(probeTarget(), input, true);
    checkGuard("failsafe", probe::call, probe.target(), expected);
    setUpMore(plain, input, expected);
  }

  /** The floor: the chain method called with no guard. */
  @Benchmark
  public int direct() {
    return plain.call(x);
  }

  /** The generated proxy, built with its no-argument constructor. */
  @Benchmark
  public int chainmail() {
    return chainmail.call(x);
  }

  /** Resilience4j, built once (the subclass says how). */
  @Benchmark
  public int resilience4j() {
    return resilience4j.call();
  }

  /** Failsafe: {@code Failsafe.with(policies).get(() -> chain.call(x))}, the policies built once. */
  @Benchmark
  public int failsafe() {
    return failsafe.call();
  }
}
