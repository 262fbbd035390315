package dev.chainmail.benchmarks;

import dev.chainmail.benchmarks.chains.AllGuardsChain;
import dev.chainmail.benchmarks.chains.FailingChain;
import dev.chainmail.benchmarks.chains.ResilientAllGuardsChain;
import dev.chainmail.benchmarks.chains.ResilientFailingAllGuardsChain;
import dev.chainmail.benchmarks.peers.Policies;
import java.util.concurrent.TimeUnit;
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
 * Scenario {@code all-guards-success}: all six guards on one method, in their fixed order (fallback, retry,
 * circuit breaker, rate limit, timeout, bulkhead), each configured as in its own scenario, around a one-addition
 * method that always succeeds: the most a healthy call can pay.
 */
@BenchmarkMode(Mode.AverageTime)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class AllGuardsSuccessBenchmark {

  private static final String SCENARIO = "all-guards-success";

  /** The input: a field, not a constant, so that the call cannot be folded away. */
  int x = 41;

  private AllGuardsChain plain;
  private AllGuardsChain chainmail;

  /**
   * Builds the proxy and checks that it returns what {@code direct} returns; then checks, on a probe with the same
   * guards around an always-failing chain, that it retries, falls back, and stops calling the chain once its
   * breaker opens. The other scenarios' probes show the rate limit, timeout and bulkhead firing.
   */
  @Setup(Level.Trial)
  public void setUp() {
    plain = new AllGuardsChain();
    chainmail = new ResilientAllGuardsChain();
    Sanity.sameResult(SCENARIO, "chainmail", direct(), chainmail());

    FailingChain probe = new ResilientFailingAllGuardsChain();
    Sanity.opensBehindFallback(SCENARIO, "chainmail", () -> probe.call(x), probe, probe.fallback(x, null),
        Policies.MAX_ATTEMPTS, Policies.BREAKER_WINDOW);
  }

  /** The floor: the chain method called with no guard. */
  @Benchmark
  public int direct() {
    return plain.call(x);
  }

  /** The generated proxy, {@code new ResilientAllGuardsChain()}. */
  @Benchmark
  public int chainmail() {
    return chainmail.call(x);
  }
}
