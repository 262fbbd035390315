package dev.chainmail.benchmarks;

import dev.chainmail.benchmarks.chains.ParallelService;
import dev.chainmail.benchmarks.chains.ResilientParallelService;
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
 * Scenarios {@code hedged-first-answers} and {@code quorum-of-three}: the per-call cost of the strategies that call
 * several replicas at once, over three in-process replicas that answer at once. {@code HEDGED}'s first replica
 * answers long before its hedge delay, so no hedge is sent; {@code QUORUM} calls all three and returns when two
 * agree. The synchronous forms run each replica's call on the replica executor, a thread hop per replica; the
 * asynchronous ones compose completed stages.
 */
@BenchmarkMode(Mode.AverageTime)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class ParallelReplicasBenchmark {

  int x = 41;

  private ParallelService plain;
  private ParallelService chainmail;

  @Setup(Level.Trial)
  public void setUp() {
    plain = new ParallelService.Adder();
    chainmail = ResilientParallelService.replicated(plain, new ParallelService.Adder(),
        new ParallelService.Adder());
    int expected = direct();
    Sanity.sameResult("hedged", "hedgedAsync", expected, hedgedAsync());
    Sanity.sameResult("hedged", "hedgedSync", expected, hedgedSync());
    Sanity.sameResult("quorum", "quorumAsync", expected, quorumAsync());
    Sanity.sameResult("quorum", "quorumSync", expected, quorumSync());
  }

  /** The floor: one replica's method called directly. */
  @Benchmark
  public int direct() {
    return plain.hedgedSync(x);
  }

  /** The floor of the asynchronous forms: one replica's completed stage, joined. */
  @Benchmark
  public int directAsync() {
    return plain.hedgedAsync(x).join();
  }

  @Benchmark
  public int hedgedAsync() {
    return chainmail.hedgedAsync(x).join();
  }

  @Benchmark
  public int hedgedSync() {
    return chainmail.hedgedSync(x);
  }

  @Benchmark
  public int quorumAsync() {
    return chainmail.quorumAsync(x).join();
  }

  @Benchmark
  public int quorumSync() {
    return chainmail.quorumSync(x);
  }
}
