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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
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
 * Scenario {@code postgres-write}: durable steps committed per second on PostgreSQL, through the proxy, against the
 * floor of a bare JDBC {@code INSERT} and commit of the same bytes on the same server and pool, in the same run.
 * Sample time gives the per-step latency's percentiles. Run with {@code -t 1} for one run and {@code -t 8} for eight
 * concurrent runs, each thread its own. Target: at least 80% of the floor. A second floor, {@link #jdbcSameRow},
 * inserts the very row the store writes (run id, step name, key, sequence number, fingerprint and result) into a
 * table of the store's shape, with nothing else: the difference to it is what the lease check and the proxy cost.
 */
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
public class PostgresCheckpointBenchmark {

  private static final String ENTRY = "dev.chainmail.benchmarks.chains.DurableChain/run";
  private static final String STEP_NAME = "record";
  private static final AtomicInteger RUNS = new AtomicInteger();

  /** The store and the floor's table, shared by every thread of the benchmark. */
  @State(Scope.Benchmark)
  public static class Shared {
    DataSource pool;
    CheckpointStore store;

    @Setup(Level.Trial)
    public void setUp() throws IOException, SQLException {
      pool = PostgresServer.pool();
      store = CheckpointStores.postgres(pool, PostgresOptions.builder().schema("bench_write").build());
      try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE IF NOT EXISTS floor_steps (run_id TEXT NOT NULL, seq BIGINT NOT NULL,"
            + " result BYTEA, PRIMARY KEY (run_id, seq))");
        // The store's own table and keys, in a schema of the floor's: the same row, written with nothing else.
        statement.execute("CREATE SCHEMA IF NOT EXISTS bench_floor");
        statement.execute("CREATE TABLE IF NOT EXISTS bench_floor.steps (run_id TEXT NOT NULL, name TEXT NOT NULL,"
            + " step_key TEXT NOT NULL, seq BIGINT NOT NULL, fingerprint BYTEA NOT NULL, result BYTEA,"
            + " PRIMARY KEY (run_id, name, step_key))");
        statement.execute("CREATE UNIQUE INDEX IF NOT EXISTS steps_seq ON bench_floor.steps (run_id, seq)");
      }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      store.close();
    }
  }

  private DataSource pool;
  private RunEntry entry;
  private CheckpointRun run;
  private DurableChain chain;
  private byte[] bytes;
  private final byte[] fingerprint = new byte[16];
  private String runId;
  private long sequence;
  private int attempt;

  @Setup(Level.Trial)
  public void setUp(Shared shared) {
    pool = shared.pool;
    ChainmailContext context = ChainmailContext.builder().checkpointStore(shared.store).build();
    chain = new ResilientDurableChain(context);
    entry = RunEntry.of(ENTRY, context);
    runId = "bench-" + RUNS.incrementAndGet() + "-" + System.nanoTime();
    run = entry.enter(runId, DurableChain.runArguments());
    bytes = DurableChain.paperCodec().encode(DurableChain.PAPER);
    chain.record(attempt++);
    if (shared.store.steps(runId).size() != 1) {
      throw new IllegalStateException("postgres-write: the step recorded nothing");
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    entry.exit(run);
  }

  /** The floor: one bare INSERT of the encoded record, committed, on a connection of the same pool. */
  @Benchmark
  public int jdbc() throws SQLException {
    try (Connection connection = pool.getConnection();
        PreparedStatement insert = connection.prepareStatement(
            "INSERT INTO floor_steps (run_id, seq, result) VALUES (?, ?, ?)")) {
      insert.setString(1, runId);
      insert.setLong(2, sequence++);
      insert.setBytes(3, bytes);
      return insert.executeUpdate();
    }
  }

  /** The second floor: one bare INSERT of the row the store writes for a step, into a table of the store's shape. */
  @Benchmark
  public int jdbcSameRow() throws SQLException {
    try (Connection connection = pool.getConnection();
        PreparedStatement insert = connection.prepareStatement("INSERT INTO bench_floor.steps"
            + " (run_id, name, step_key, seq, fingerprint, result) VALUES (?, ?, ?, ?, ?, ?)")) {
      long seq = sequence++;
      insert.setString(1, runId);
      insert.setString(2, STEP_NAME);
      insert.setString(3, Long.toString(seq));
      insert.setLong(4, seq);
      insert.setBytes(5, fingerprint);
      insert.setBytes(6, bytes);
      return insert.executeUpdate();
    }
  }

  /** One step executed and its result committed, through the proxy, its lease checked in the same statement. */
  @Benchmark
  public DurableChain.Paper chainmail() {
    return chain.record(attempt++);
  }
}
