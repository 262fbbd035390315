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
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scenario {@code checkpoint-hit}: a resumed step returned from a loaded run, on each store. The run is opened once,
 * on the benchmark thread, and its one record loaded; every call then finds the record, checks the arguments'
 * fingerprint and decodes the value. Target: under 100 ns, with no allocation beyond the decoded value.
 *
 * <p>{@link #chainmail()} returns the ten-field record of {@link CheckpointCodecBenchmark}; {@link #decodeOnly()}
 * decodes its recorded bytes with the same codec and nothing else, the floor of that hit in the same run.
 * {@link #shortValue()} returns a six-letter string, whose decode costs little, so that it shows the hit path
 * itself.
 */
@BenchmarkMode(Mode.AverageTime)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class CheckpointHitBenchmark {

  private static final String ENTRY = "dev.chainmail.benchmarks.chains.DurableChain/run";

  @Param({"memory", "sqlite"})
  String store;

  private Path folder;
  private CheckpointStore checkpoints;
  private RunEntry entry;
  private CheckpointRun run;
  private DurableChain chain;
  private byte[] recordedPaper;

  /** Records the step once, then opens the run again so that the record is loaded, as after a crash. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    folder = Files.createTempDirectory("chainmail-bench");
    checkpoints = store.equals("sqlite") ? CheckpointStores.sqlite(folder.resolve("runs.db"))
        : CheckpointStores.inMemory();
    ChainmailContext context = ChainmailContext.builder().checkpointStore(checkpoints).build();
    chain = new ResilientDurableChain(context);
    entry = RunEntry.of(ENTRY, context);
    byte[] arguments = DurableChain.runArguments();
    CheckpointRun first = entry.enter("bench", arguments);
    try {
      chain.lookup("k");
      chain.label("k");
    } finally {
      entry.exit(first);
    }
    run = entry.enter("bench", arguments);
    if (!DurableChain.PAPER.equals(chain.lookup("k")) || !DurableChain.LABEL.equals(chain.label("k"))
        || checkpoints.steps("bench").size() != 2) {
      throw new IllegalStateException("checkpoint-hit: the steps did not replay their two records");
    }
    recordedPaper = DurableChain.paperCodec().encode(DurableChain.PAPER);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    entry.exit(run);
    checkpoints.close();
    try (var files = Files.list(folder)) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
    }
    Files.delete(folder);
  }

  @Benchmark
  public DurableChain.Paper chainmail() {
    return chain.lookup("k");
  }

  @Benchmark
  public DurableChain.Paper decodeOnly() {
    return DurableChain.paperCodec().decode(recordedPaper);
  }

  @Benchmark
  public String shortValue() {
    return chain.label("k");
  }
}
