package dev.chainmail.benchmarks;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
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
 * <p>Usage: {@code java -cp benchmarks.jar dev.chainmail.benchmarks.PostgresBenchmarks [--quick] [out]}; about 25
 * minutes, or 3 with {@code --quick}, whose numbers are not fit to publish.
 */
public final class PostgresBenchmarks {

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
    try (EmbeddedPostgres server = PostgresServer.start()) {
      String url = server.getJdbcUrl("postgres", "postgres");
      String version = serverVersion(server);
      List<RunResult> write = new ArrayList<>();
      for (int threads : new int[] {1, 8}) {
        write.addAll(run(options(url, quick, out.resolve("postgres-t" + threads + ".json"))
            .include(PostgresCheckpointBenchmark.class.getSimpleName())
            .include(PostgresRunBenchmark.class.getSimpleName()).threads(threads).build()));
      }
      Collection<RunResult> resume = run(options(url, quick, out.resolve("postgres-resume.json"))
          .include(PostgresResumeBenchmark.class.getSimpleName()).build());
      String table = PostgresTable.markdown(version, write, resume);
      Files.writeString(out.resolve("postgres.md"), table);
      System.out.println(table);
    }
  }

  private static OptionsBuilder options(String url, boolean quick, Path result) {
    OptionsBuilder options = new OptionsBuilder();
    options.jvmArgsAppend("-Xms1g", "-Xmx1g", "-D" + PostgresServer.URL_PROPERTY + "=" + url)
        .addProfiler(GCProfiler.class).shouldFailOnError(true).resultFormat(ResultFormatType.JSON)
        .result(result.toString());
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
