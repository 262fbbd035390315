package dev.chainmail.samples.durable;

import dev.chainmail.runtime.ChainmailContext;
import dev.chainmail.runtime.checkpoint.CheckpointStore;
import dev.chainmail.runtime.checkpoint.CheckpointStores;
import dev.chainmail.runtime.checkpoint.StepRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Runs the durable report chain on an embedded SQLite store. The first launch dies halfway through its run: after
 * the draft is recorded, the process halts, as a kill or an out-of-memory would stop it. The next launch resumes
 * the run: it replays the recorded steps without executing them, executes the rest, and prints which were which.
 * The launch after that starts a new run.
 */
public final class ReportDemo {

  static final String RUN_ID = "report-2026-12-01";

  private ReportDemo() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args.length > 0 ? args[0] : "target/report-runs.db");
    Files.createDirectories(file.toAbsolutePath().getParent());
    Set<String> executed = new LinkedHashSet<>();
    try (CheckpointStore store = CheckpointStores.sqlite(file)) {
      boolean resuming = store.unfinishedRuns().contains(RUN_ID);
      System.out.println(resuming
          ? "Resuming run " + RUN_ID + " from " + file + "."
          : "Starting run " + RUN_ID + " in " + file + "; it will die after the draft is recorded.");
      ReportChain chain = new ResilientReportChain(ChainmailContext.builder().checkpointStore(store).build(),
          step -> {
            if (!resuming && step.equals("review")) {
              System.out.println("  (the process dies now, before review runs)");
              System.out.flush();
              Runtime.getRuntime().halt(3);
            }
            executed.add(step);
            System.out.println("  executing " + step);
          });
      ReportChain.Report report = chain.run(RUN_ID, "fault tolerance");
      System.out.println("Steps of the run:");
      for (StepRecord step : store.steps(RUN_ID)) {
        System.out.println("  " + step.name() + ": " + (executed.contains(step.name()) ? "executed" : "replayed"));
      }
      System.out.println("=> " + report.text() + " (" + report.sources().size() + " sources)");
      store.deleteRun(RUN_ID);
      System.out.println("The run is done and deleted; the next launch starts a new one.");
    }
  }
}
