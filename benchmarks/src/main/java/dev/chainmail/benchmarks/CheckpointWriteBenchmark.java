package dev.chainmail.benchmarks;

import dev.chainmail.benchmarks.chains.DurableChain;
import dev.chainmail.benchmarks.chains.ResilientDurableChain;
import dev.chainmail.runtime.ChainmailContext;
import dev.chainmail.runtime.checkpoint.CheckpointRun;
import dev.chainmail.runtime.checkpoint.CheckpointStore;
import dev.chainmail.runtime.checkpoint.CheckpointStores;
import dev.chainmail.runtime.checkpoint.RunEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
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
 * Scenario {@code checkpoint-write}: steps committed per second on SQLite, against the floor of a bare JDBC
 * {@code INSERT} and commit of the same bytes on a file with the same settings (WAL, {@code synchronous=FULL}), in
 * the same run. Each call of the step is a new occurrence, and so a new durable record. Target: at least 80% of the
 * floor.
 */
@BenchmarkMode(Mode.Throughput)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class CheckpointWriteBenchmark {

  private static final String ENTRY = "dev.chainmail.benchmarks.chains.DurableChain/run";

  private Path folder;
  private CheckpointStore checkpoints;
  private RunEntry entry;
  private CheckpointRun run;
  private DurableChain chain;
  private Connection jdbc;
  private PreparedStatement insert;
  private byte[] bytes;
  private long sequence;
  private int attempt;

  @Setup(Level.Trial)
  public void setUp() throws IOException, SQLException {
    folder = Files.createTempDirectory("chainmail-bench");
    checkpoints = CheckpointStores.sqlite(folder.resolve("runs.db"));
    ChainmailContext context = ChainmailContext.builder().checkpointStore(checkpoints).build();
    chain = new ResilientDurableChain(context);
    entry = RunEntry.of(ENTRY, context);
    run = entry.enter("bench", DurableChain.runArguments());
    bytes = DurableChain.paperCodec().encode(DurableChain.PAPER);
    jdbc = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("floor.db"));
    try (Statement pragma = jdbc.createStatement()) {
      pragma.execute("PRAGMA journal_mode=WAL");
      pragma.execute("PRAGMA synchronous=FULL");
      pragma.execute("CREATE TABLE steps (run_id TEXT NOT NULL, seq BIGINT NOT NULL, result BLOB, "
          + "PRIMARY KEY (run_id, seq))");
    }
    jdbc.setAutoCommit(false);
    insert = jdbc.prepareStatement("INSERT INTO steps (run_id, seq, result) VALUES ('bench', ?, ?)");
    chain.record(attempt++);
    if (checkpoints.steps("bench").size() != 1) {
      throw new IllegalStateException("checkpoint-write: the step recorded nothing");
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException, SQLException {
    entry.exit(run);
    checkpoints.close();
    insert.close();
    jdbc.close();
    try (var files = Files.list(folder)) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
    }
    Files.delete(folder);
  }

  /** The floor: one bare INSERT of the encoded record, and its commit. */
  @Benchmark
  public int jdbc() throws SQLException {
    insert.setLong(1, sequence++);
    insert.setBytes(2, bytes);
    int rows = insert.executeUpdate();
    jdbc.commit();
    return rows;
  }

  /** One step executed and its result committed, through the proxy. */
  @Benchmark
  public DurableChain.Paper chainmail() {
    return chain.record(attempt++);
  }
}
