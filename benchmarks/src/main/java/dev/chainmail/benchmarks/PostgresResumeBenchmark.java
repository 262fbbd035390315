package dev.chainmail.benchmarks;

import dev.chainmail.benchmarks.chains.DurableChain;
import dev.chainmail.benchmarks.chains.ResilientDurableChain;
import dev.chainmail.runtime.ChainmailContext;
import dev.chainmail.runtime.checkpoint.CheckpointRun;
import dev.chainmail.runtime.checkpoint.CheckpointStore;
import dev.chainmail.runtime.checkpoint.CheckpointStores;
import dev.chainmail.runtime.checkpoint.PostgresOptions;
import dev.chainmail.runtime.checkpoint.RunEntry;
import java.io.IOException;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scenario {@code postgres-resume}: resuming a run of 100 finished steps on PostgreSQL: its lease taken, all its
 * records loaded at once, every step replayed from them, and the lease released.
 */
@BenchmarkMode(Mode.AverageTime)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class PostgresResumeBenchmark {

  private static final String ENTRY = "dev.chainmail.benchmarks.chains.DurableChain/run";
  private static final int STEPS = 100;

  private CheckpointStore store;
  private RunEntry entry;
  private DurableChain chain;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    store = CheckpointStores.postgres(PostgresServer.pool(), PostgresOptions.builder().schema("bench_resume")
        .build());
    ChainmailContext context = ChainmailContext.builder().checkpointStore(store).build();
    chain = new ResilientDurableChain(context);
    entry = RunEntry.of(ENTRY, context);
    store.deleteRun("resume-100");
    CheckpointRun run = entry.enter("resume-100", DurableChain.runArguments());
    for (int i = 0; i < STEPS; i++) {
      chain.record(i);
    }
    entry.exit(run);
    if (store.steps("resume-100").size() != STEPS) {
      throw new IllegalStateException("postgres-resume: the run has " + store.steps("resume-100").size()
          + " steps, not " + STEPS);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    store.close();
  }

  /** The resume: the claim and one load of every record, then 100 steps replayed from memory. */
  @Benchmark
  public int resume() {
    CheckpointRun run = entry.enter("resume-100", DurableChain.runArguments());
    try {
      int replayed = 0;
      for (int i = 0; i < STEPS; i++) {
        replayed += chain.record(i).pages();
      }
      return replayed;
    } finally {
      entry.exit(run);
    }
  }
}
