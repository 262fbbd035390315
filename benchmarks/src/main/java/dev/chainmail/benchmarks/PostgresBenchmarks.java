package dev.chainmail.benchmarks;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The PostgreSQL benchmarks in one run on one server: one embedded server (durable commits on) is started here, and
 * every benchmark JVM connects to it. Runs the write path ({@link PostgresCheckpointBenchmark}, against its floors)
 * and whole runs beside DBOS Transact ({@link PostgresRunBenchmark}) at one thread and at eight, then the resume
 * beside DBOS ({@link PostgresResumeBenchmark}); all with the GC profiler, 2 forks each. Writes the JMH results to
 * {@code <out>/postgres-t1.json}, {@code -t8.json} and {@code -resume.json}, and prints a Markdown table.
 *
 * <p>The libraries and floors that a table compares are run in alternating order, one fork each per round: first
 * Chainmail, then its peers; then the peers in reverse, then Chainmail. A server's commit latency drifts over
 * minutes (its disk's flushes, its write-ahead log's growth, its checkpoints), by as much as a fifth between two
 * runs of the same floor; run one after the other, the benchmark measured later would carry the drift as if it were
 * its own. In alternating order, a drift that grows steadily falls equally on each, and the score of each is the
 * mean of all its forks. The table also gives Chainmail's share of the floor in each round, to show how far the
 * rounds agree.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.chainmail.benchmarks.PostgresBenchmarks [--quick] [out]}; about 13
 * minutes, or 3 with {@code --quick}, whose numbers are not fit to publish.
 */
public final class PostgresBenchmarks {

  /** The write path: Chainmail, the floor, and the same-row floor. */
  private static final List<String> WRITE = List.of(
      "PostgresCheckpointBenchmark.chainmail", "PostgresCheckpointBenchmark.jdbc",
      "PostgresCheckpointBenchmark.jdbcSameRow");
  /** Whole runs: Chainmail, then DBOS Transact. */
  private static final List<String> RUNS = List.of("PostgresRunBenchmark.chainmail", "PostgresRunBenchmark.dbos");

  private PostgresBenchmarks() {}

  /**
   * @param args {@code --quick}, then the output directory (default {@code benchmarks/target/results})
   * @throws Exception if the server cannot start or a benchmark fails
   */
  public static void main(String[] args) throws Exception {
    List<String> rest = new ArrayList<>(List.of(args));
    boolean quick = rest.remove("--quick");
    Path out = Path.of(rest.isEmpty() ? "benchmarks/target/results" : rest.get(0));
    Files.createDirectories(out);
    int rounds = quick ? 1 : 2;
    try (EmbeddedPostgres server = PostgresServer.start()) {
      String url = server.getJdbcUrl("postgres", "postgres");
      String version = serverVersion(server);
      List<RunResult> write = new ArrayList<>();
      List<List<RunResult>> writeRounds = new ArrayList<>();
      for (int threads : new int[] {1, 8}) {
        List<RunResult> forks = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
          List<RunResult> inRound = new ArrayList<>();
          inRound.addAll(alternating(url, quick, WRITE, round, threads));
          inRound.addAll(alternating(url, quick, RUNS, round, threads));
          writeRounds.add(inRound);
          forks.addAll(inRound);
        }
        List<RunResult> merged = merged(forks);
        write.addAll(merged);
        writeJson(merged, out.resolve("postgres-t" + threads + ".json"));
      }
      Collection<RunResult> resume = run(options(url, quick).include(PostgresResumeBenchmark.class.getSimpleName())
          .result(out.resolve("postgres-resume.json").toString()).resultFormat(ResultFormatType.JSON).build());
      String table = PostgresTable.markdown(version, write, writeRounds, resume);
      Files.writeString(out.resolve("postgres.md"), table);
      System.out.println(table);
    }
  }

  /**
   * Runs each of {@code benchmarks} in one fork, in their order in even rounds and in reverse in odd ones.
   *
   * @return one result per benchmark and mode
   */
  private static List<RunResult> alternating(String url, boolean quick, List<String> benchmarks, int round,
      int threads) throws RunnerException {
    List<String> order = new ArrayList<>(benchmarks);
    if (round % 2 == 1) {
      Collections.reverse(order);
    }
    List<RunResult> results = new ArrayList<>();
    for (String benchmark : order) {
      // The anchor keeps "jdbc" from matching "jdbcSameRow".
      results.addAll(run(options(url, quick).include("\\." + benchmark + "$").threads(threads).forks(1).build()));
    }
    return results;
  }

  /** Merges the forks of each benchmark, mode and thread count into one result, whose score is over all of them. */
  private static List<RunResult> merged(List<RunResult> forks) {
    Map<String, List<RunResult>> byKey = new LinkedHashMap<>();
    for (RunResult fork : forks) {
      BenchmarkParams params = fork.getParams();
      byKey.computeIfAbsent(params.getBenchmark() + " " + params.getMode() + " " + params.getThreads(),
          key -> new ArrayList<>()).add(fork);
    }
    List<RunResult> merged = new ArrayList<>();
    for (List<RunResult> same : byKey.values()) {
      List<BenchmarkResult> all = new ArrayList<>();
      same.forEach(fork -> all.addAll(fork.getBenchmarkResults()));
      merged.add(new RunResult(same.get(0).getParams(), all));
    }
    return merged;
  }

  private static void writeJson(Collection<RunResult> results, Path file) throws IOException {
    try (PrintStream json = new PrintStream(Files.newOutputStream(file), true, StandardCharsets.UTF_8)) {
      ResultFormatFactory.getInstance(ResultFormatType.JSON, json).writeOut(results);
    }
  }

  private static OptionsBuilder options(String url, boolean quick) {
    OptionsBuilder options = new OptionsBuilder();
    options.jvmArgsAppend("-Xms1g", "-Xmx1g", "-D" + PostgresServer.URL_PROPERTY + "=" + url)
        .addProfiler(GCProfiler.class).shouldFailOnError(true);
    if (quick) {
      options.forks(1).warmupIterations(1).warmupTime(TimeValue.milliseconds(500)).measurementIterations(1)
          .measurementTime(TimeValue.seconds(1));
    } else {
      options.forks(2);
    }
    return options;
  }

  private static Collection<RunResult> run(Options options) throws RunnerException {
    return new Runner(options).run();
  }

  private static String serverVersion(EmbeddedPostgres server) throws IOException {
    try (var connection = server.getPostgresDatabase().getConnection();
        var statement = connection.createStatement();
        var rs = statement.executeQuery("SHOW server_version")) {
      rs.next();
      return rs.getString(1);
    } catch (SQLException e) {
      throw new IOException("cannot read the server's version", e);
    }
  }

  /** Formats one score with its error, as JMH reports it; a run too short to have an error shows none. */
  static String score(Result<?> result, double factor) {
    double error = result.getScoreError();
    return Double.isNaN(error) ? String.format(Locale.ROOT, "%,.0f", result.getScore() * factor)
        : String.format(Locale.ROOT, "%,.0f ± %,.0f", result.getScore() * factor, error * factor);
  }
}
