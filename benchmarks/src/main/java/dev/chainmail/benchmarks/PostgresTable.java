package dev.chainmail.benchmarks;

import dev.chainmail.benchmarks.chains.DurableRun;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * The Markdown table of {@link PostgresBenchmarks}: the write path against its floors, whole runs against DBOS
 * Transact, and the resume against DBOS, each with the share or ratio its target names.
 */
final class PostgresTable {

  private PostgresTable() {}

  /**
   * @param write the write path's and whole runs' results, each over all its forks
   * @param rounds the same results, one list per round of alternating forks and thread count
   * @param resume the resume's results
   */
  static String markdown(String serverVersion, Collection<RunResult> write, List<List<RunResult>> rounds,
      Collection<RunResult> resume) {
    StringBuilder md = new StringBuilder();
    md.append("PostgreSQL ").append(serverVersion).append(", embedded, fsync and synchronous_commit on; HikariCP,")
        .append(" 12 connections.\n\n");
    md.append("| write path | Chainmail steps/s | floor steps/s | same-row floor steps/s | share of floor")
        .append(" (same row) | share in each round | Chainmail p50 / p99 | floor p50 / p99 |\n");
    md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (int threads : new int[] {1, 8}) {
      RunResult chainmail = find(write, "PostgresCheckpointBenchmark.chainmail", Mode.Throughput, threads);
      RunResult floor = find(write, "PostgresCheckpointBenchmark.jdbc", Mode.Throughput, threads);
      RunResult sameRow = find(write, "PostgresCheckpointBenchmark.jdbcSameRow", Mode.Throughput, threads);
      md.append("| ").append(threads == 1 ? "1 run" : threads + " concurrent runs").append(" | ")
          .append(perSecond(chainmail, 1)).append(" | ").append(perSecond(floor, 1)).append(" | ")
          .append(perSecond(sameRow, 1)).append(" | ").append(share(chainmail, floor)).append(" (")
          .append(share(chainmail, sameRow)).append(") | ").append(roundShares(rounds, threads)).append(" | ")
          .append(percentiles(find(write, "PostgresCheckpointBenchmark.chainmail", Mode.SampleTime, threads)))
          .append(" | ").append(percentiles(find(write, "PostgresCheckpointBenchmark.jdbc", Mode.SampleTime,
              threads))).append(" |\n");
    }
    md.append("\n| runs of ").append(DurableRun.STEPS).append(" steps | Chainmail steps/s | DBOS steps/s |")
        .append(" Chainmail / DBOS | Chainmail p50 / p99 per run | DBOS p50 / p99 per run | B/run Chainmail / DBOS |\n");
    md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (int threads : new int[] {1, 8}) {
      RunResult chainmail = find(write, "PostgresRunBenchmark.chainmail", Mode.Throughput, threads);
      RunResult dbos = find(write, "PostgresRunBenchmark.dbos", Mode.Throughput, threads);
      md.append("| ").append(threads == 1 ? "1 at a time" : threads + " at once").append(" | ")
          .append(perSecond(chainmail, DurableRun.STEPS)).append(" | ").append(perSecond(dbos, DurableRun.STEPS))
          .append(" | ").append(ratio(chainmail.getPrimaryResult().getScore(), dbos.getPrimaryResult().getScore()))
          .append(" | ").append(percentiles(find(write, "PostgresRunBenchmark.chainmail", Mode.SampleTime, threads)))
          .append(" | ").append(percentiles(find(write, "PostgresRunBenchmark.dbos", Mode.SampleTime, threads)))
          .append(" | ").append(bytes(chainmail)).append(" / ").append(bytes(dbos)).append(" |\n");
    }
    RunResult chainmail = find(resume, "PostgresResumeBenchmark.resume", Mode.AverageTime, 1);
    RunResult dbos = find(resume, "PostgresResumeBenchmark.dbos", Mode.AverageTime, 1);
    md.append("\n| resume of 100 finished steps | time | allocated |\n| --- | ---: | ---: |\n");
    md.append("| Chainmail | ").append(micros(chainmail)).append(" | ").append(bytes(chainmail)).append(" |\n");
    md.append("| DBOS Transact | ").append(micros(dbos)).append(" | ").append(bytes(dbos)).append(" |\n");
    md.append("| DBOS / Chainmail | ").append(ratio(dbos.getPrimaryResult().getScore(),
        chainmail.getPrimaryResult().getScore())).append(" | |\n");
    return md.toString();
  }

  /** Chainmail's share of the floor (and of the same-row floor) in each round at {@code threads}. */
  private static String roundShares(List<List<RunResult>> rounds, int threads) {
    List<String> shares = new ArrayList<>();
    for (List<RunResult> round : rounds) {
      if (round.get(0).getParams().getThreads() == threads) {
        RunResult chainmail = find(round, "PostgresCheckpointBenchmark.chainmail", Mode.Throughput, threads);
        shares.add(share(chainmail, find(round, "PostgresCheckpointBenchmark.jdbc", Mode.Throughput, threads))
            + " (" + share(chainmail, find(round, "PostgresCheckpointBenchmark.jdbcSameRow", Mode.Throughput,
                threads)) + ")");
      }
    }
    return String.join(", ", shares);
  }

  private static RunResult find(Collection<RunResult> results, String benchmark, Mode mode, int threads) {
    for (RunResult result : results) {
      if (result.getParams().getBenchmark().endsWith("." + benchmark) && result.getParams().getMode() == mode
          && result.getParams().getThreads() == threads) {
        return result;
      }
    }
    throw new IllegalStateException("no result of " + benchmark + " in mode " + mode + " at " + threads
        + " threads: the run is incomplete");
  }

  /** Operations per millisecond, as per second, times the steps each operation commits. */
  private static String perSecond(RunResult result, int steps) {
    return PostgresBenchmarks.score(result.getPrimaryResult(), 1_000.0 * steps);
  }

  private static String share(RunResult part, RunResult whole) {
    return String.format(Locale.ROOT, "%.0f%%", 100 * part.getPrimaryResult().getScore()
        / whole.getPrimaryResult().getScore());
  }

  private static String ratio(double a, double b) {
    return String.format(Locale.ROOT, "%.1f×", a / b);
  }

  /** The 50th and 99th percentiles of a sample-time result in milliseconds, as microseconds. */
  private static String percentiles(RunResult result) {
    var statistics = result.getPrimaryResult().getStatistics();
    return String.format(Locale.ROOT, "%,.0f / %,.0f µs", statistics.getPercentile(50) * 1_000,
        statistics.getPercentile(99) * 1_000);
  }

  private static String micros(RunResult result) {
    return PostgresBenchmarks.score(result.getPrimaryResult(), 1) + " µs";
  }

  private static String bytes(RunResult result) {
    Result<?> norm = result.getSecondaryResults().get("gc.alloc.rate.norm");
    return norm == null ? "—" : String.format(Locale.ROOT, "%,.0f B", norm.getScore());
  }
}
