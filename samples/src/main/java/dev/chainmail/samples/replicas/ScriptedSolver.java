package dev.chainmail.samples.replicas;

import dev.chainmail.runtime.Scheduler;
import java.io.PrintStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A scripted provider of {@link Solver}: it drafts after a fixed latency, on a scheduler, and always gives the same
 * solution. Thread-safe.
 */
public final class ScriptedSolver implements Solver {

  private final String name;
  private final long draftNanos;
  private final String solution;
  private final Scheduler scheduler;
  private final PrintStream log;

  /**
   * @param name the provider's name
   * @param draftNanos how long its drafts take
   * @param solution what it answers every problem with
   * @param scheduler where its drafts' latency passes
   * @param log where it tells of each call
   */
  public ScriptedSolver(String name, long draftNanos, String solution, Scheduler scheduler, PrintStream log) {
    this.name = name;
    this.draftNanos = draftNanos;
    this.solution = solution;
    this.scheduler = scheduler;
    this.log = log;
  }

  @Override
  public CompletionStage<String> draft(String prompt) {
    log.printf("    %s starts drafting (it takes %d ms)%n", name, draftNanos / 1_000_000);
    CompletableFuture<String> draft = new CompletableFuture<>();
    scheduler.schedule(() -> draft.complete("draft by " + name), draftNanos);
    return draft;
  }

  @Override
  public String solve(String problem) {
    return solution;
  }

  @Override
  public String toString() {
    return name;
  }
}
