package dev.chainmail.benchmarks;

import dev.chainmail.benchmarks.chains.DurableChain;
import dev.chainmail.benchmarks.chains.ResilientDurableChain;
import dev.chainmail.runtime.ChainmailContext;
import dev.chainmail.runtime.checkpoint.CheckpointRun;
import dev.chainmail.runtime.checkpoint.CheckpointStore;
import dev.chainmail.runtime.checkpoint.CheckpointStores;
import dev.chainmail.runtime.checkpoint.PostgresOptions;
import dev.chainmail.runtime.checkpoint.RunEntry;
import dev.chainmail.benchmarks.chains.DurableChain.Paper;
import dev.chainmail.benchmarks.peers.DbosPeer;
import java.io.IOException;
import java.sql.SQLException;
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
 * records loaded at once, every step replayed from them, and the lease released. Beside it, in the same run on the
 * same server, DBOS Transact recovers a workflow of 100 finished steps as it does after a crash: it reads each
 * step's output with a query of its own. Target: Chainmail at least 5 times faster.
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

  /** DBOS with one workflow of 100 finished steps, set back to pending before each recovery. */
  @State(Scope.Thread)
  public static class Dbos {
    private static final String WORKFLOW = "resume-100-" + System.nanoTime();

    DbosPeer dbos;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
      dbos = new DbosPeer(PostgresServer.pool());
      dbos.run(WORKFLOW, STEPS);
      long executed = dbos.stepExecutions();
      dbos.markPending(WORKFLOW);
      Paper replayed = dbos.recover(WORKFLOW);
      if (!DurableChain.PAPER.equals(replayed) || dbos.stepExecutions() != executed
          || dbos.recordedSteps(WORKFLOW) != STEPS) {
        throw new IllegalStateException("postgres-resume/dbos: the recovery returned " + replayed + " and executed "
            + (dbos.stepExecutions() - executed) + " steps again, over " + dbos.recordedSteps(WORKFLOW)
            + " records; it should replay all " + STEPS + " from their records");
      }
    }

    /** Sets the workflow back to pending: outside the measurement, as a crash would leave it. */
    @Setup(Level.Invocation)
    public void crash() throws SQLException {
      dbos.markPending(WORKFLOW);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      dbos.close();
    }
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

  /** DBOS's recovery: the workflow's status claimed, then each of its 100 steps read back by a query of its own. */
  @Benchmark
  public Paper dbos(Dbos dbos) throws Exception {
    return dbos.dbos.recover(Dbos.WORKFLOW);
  }
}
