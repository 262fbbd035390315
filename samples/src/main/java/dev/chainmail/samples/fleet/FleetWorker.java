package dev.chainmail.samples.fleet;

import dev.chainmail.runtime.ChainmailContext;
import dev.chainmail.runtime.checkpoint.CheckpointStores;
import dev.chainmail.runtime.checkpoint.PostgresCheckpointStore;
import dev.chainmail.runtime.checkpoint.PostgresOptions;
import dev.chainmail.runtime.checkpoint.StepRecord;
import dev.chainmail.samples.durable.ReportChain;
import dev.chainmail.samples.durable.ResilientReportChain;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One worker process of {@link FleetDemo}, on the shared PostgreSQL store. {@code start} begins the report run and
 * hangs in its review, until it is killed; {@code recover} waits for runs that no live worker holds, and finishes
 * them.
 */
public final class FleetWorker {

  static final String RUN_ID = "report-fleet";
  /** Short, so that a killed worker's run is taken over soon. */
  static final Duration LEASE = Duration.ofSeconds(2);

  private FleetWorker() {}

  public static void main(String[] args) throws Exception {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL(args[0]);
    boolean starting = args[1].equals("start");
    Set<String> executed = new LinkedHashSet<>();
    try (PostgresCheckpointStore store = CheckpointStores.postgres(dataSource,
        PostgresOptions.builder().lease(LEASE).build())) {
      ResilientReportChain chain = new ResilientReportChain(
          ChainmailContext.builder().checkpointStore(store).build(), step -> {
            executed.add(step);
            say("executing " + step);
            if (starting && step.equals("review")) {
              say("(hangs in review, until it is killed)");
              hang();
            }
          });
      if (starting) {
        chain.run(RUN_ID, "fault tolerance");
        return;
      }
      say("waiting for a run that no live worker holds");
      List<String> recovered;
      while ((recovered = store.claimUnfinished(1)).isEmpty()) {
        Thread.sleep(100);
      }
      String runId = recovered.get(0);
      say("took over " + runId + ", whose last worker's lease expired");
      ReportChain.Report report = (ReportChain.Report) chain.resume(runId);
      for (StepRecord step : store.steps(runId)) {
        say(step.name() + ": " + (executed.contains(step.name()) ? "executed here" : "replayed from the store"));
      }
      say("=> " + report.text());
      store.deleteRun(runId);
    }
  }

  private static void hang() {
    try {
      new CountDownLatch(1).await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void say(String line) {
    System.out.println(line);
    System.out.flush();
  }
}
