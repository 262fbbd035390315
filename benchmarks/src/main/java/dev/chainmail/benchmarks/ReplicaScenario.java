package dev.chainmail.benchmarks;

import dev.chainmail.benchmarks.chains.AddingReplica;
import dev.chainmail.benchmarks.chains.Service;
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
 * What the {@code @Replicated} scenarios share: the success path of a one-addition method served by three healthy
 * replicas, measured as the direct call of one replica and as the generated proxy over three, built with
 * {@code replicated(first, others...)}. Each subclass is one strategy. Targets: within 2 ns of the direct call for
 * {@code FAILOVER}, within 10 ns for the others, with no allocation.
 */
@BenchmarkMode(Mode.AverageTime)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public abstract class ReplicaScenario {

  /** The input: a field, not a constant, so that the call cannot be folded away. */
  int x = 41;

  private Service plain;
  private Service chainmail;

  /** @return the scenario's name in sanity messages */
  abstract String scenario();

  /** @return the proxy over three replicas */
  abstract Service proxy(AddingReplica first, AddingReplica second, AddingReplica third);

  @Setup(Level.Trial)
  public void setUp() {
    plain = new AddingReplica();
    chainmail = proxy(new AddingReplica(), new AddingReplica(), new AddingReplica());
    Sanity.sameResult(scenario(), "chainmail", direct(), chainmail());
  }

  /** The floor: one replica called with no guard. */
  @Benchmark
  public int direct() {
    return plain.call(x);
  }

  /** The generated proxy over three replicas. */
  @Benchmark
  public int chainmail() {
    return chainmail.call(x);
  }
}
