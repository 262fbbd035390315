package dev.chainmail.benchmarks;

import dev.chainmail.benchmarks.chains.DurableChain.Paper;
import dev.chainmail.benchmarks.chains.DurableRun;
import dev.chainmail.benchmarks.chains.ResilientDurableRun;
import dev.chainmail.benchmarks.peers.DbosPeer;
import dev.chainmail.runtime.ChainmailContext;
import dev.chainmail.runtime.checkpoint.CheckpointStore;
import dev.chainmail.runtime.checkpoint.CheckpointStores;
import dev.chainmail.runtime.checkpoint.PostgresOptions;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
 * Scenario {@code postgres-run}: whole durable runs of {@value DurableRun#STEPS} steps on PostgreSQL, Chainmail
 * beside DBOS Transact, the same chain on the same server and pool in the same run. Each operation is a new run:
 * it is started, its ten steps execute and are recorded one after another, and it is finished, so the steps per
 * second are ten times the runs per second. Run with {@code -t 1} for one run at a time and {@code -t 8} for eight
 * at once. Target: at least DBOS's throughput.
 */
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class PostgresRunBenchmark {

  private static final AtomicLong RUNS = new AtomicLong();

  /** Chainmail's store and proxy, shared by every thread. */
  @State(Scope.Benchmark)
  public static class Chainmail {
    CheckpointStore store;
    DurableRun chain;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
      store = CheckpointStores.postgres(PostgresServer.pool(), PostgresOptions.builder().schema("bench_run")
          .build());
      chain = new ResilientDurableRun(ChainmailContext.builder().checkpointStore(store).build());
      String runId = newId("sanity");
      chain.run(runId);
      int recorded = store.steps(runId).size();
      if (recorded != DurableRun.STEPS) {
        throw new IllegalStateException("postgres-run/chainmail recorded " + recorded + " steps for a run, not "
            + DurableRun.STEPS);
      }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      store.close();
    }
  }

  /** DBOS, launched for its benchmark's trial alone. */
  @State(Scope.Benchmark)
  public static class Dbos {
    DbosPeer dbos;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
      dbos = new DbosPeer(PostgresServer.pool());
      String workflowId = newId("sanity");
      dbos.run(workflowId, DurableRun.STEPS);
      int recorded = dbos.recordedSteps(workflowId);
      if (recorded != DurableRun.STEPS) {
        throw new IllegalStateException("postgres-run/dbos recorded " + recorded + " steps for a workflow, not "
            + DurableRun.STEPS);
      }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      dbos.close();
    }
  }

  static String newId(String kind) {
    return "bench-run-" + kind + "-" + RUNS.incrementAndGet() + "-" + System.nanoTime();
  }

  /** A new run of ten steps through Chainmail's proxy: its lease taken, ten steps and its result recorded. */
  @Benchmark
  public Paper chainmail(Chainmail chainmail) {
    return chainmail.chain.run(newId("chainmail"));
  }

  /** A new workflow of ten steps through DBOS's proxies: its status, ten step outputs and its result recorded. */
  @Benchmark
  public Paper dbos(Dbos dbos) {
    return dbos.dbos.run(newId("dbos"), DurableRun.STEPS);
  }
}
