package dev.chainmail.samples.durable;

import dev.chainmail.Checkpoint;
import dev.chainmail.Retry;
import dev.chainmail.RunId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A durable report pipeline: search, then a paid draft, then a review. Each step's result is recorded before the
 * run moves on, so a run that dies halfway resumes from its last recorded step.
 */
public class ReportChain {

  /** One source a search found. */
  public record Doc(String title, int year) {}

  /** The pipeline's result. */
  public record Report(String topic, String text, List<Doc> sources) {}

  private final Consumer<String> executing;

  /**
   * @param executing told the name of each step as it starts executing; a step whose result was recorded is not
   *     executed, and so not told
   */
  public ReportChain(Consumer<String> executing) {
    this.executing = executing;
  }

  /** The run's entry: the same run id after a crash resumes the run. */
  public Report run(@RunId String runId, String topic) {
    List<Doc> docs = search(topic);
    String draft = draft(topic, docs);
    return review(topic, draft, docs);
  }

  @Checkpoint
  public List<Doc> search(String topic) {
    executing.accept("search");
    List<Doc> docs = new ArrayList<>();
    docs.add(new Doc(topic + ": a survey", 2024));
    docs.add(new Doc(topic + " in practice", 2026));
    return docs;
  }

  @Checkpoint(atMostOnce = true)
  public String draft(String topic, List<Doc> docs) {
    executing.accept("draft");
    return "A draft on " + topic + " citing " + docs.size() + " sources.";
  }

  @Checkpoint
  @Retry(maxAttempts = 3)
  public Report review(String topic, String draft, List<Doc> docs) {
    executing.accept("review");
    return new Report(topic, draft + " Reviewed.", docs);
  }
}
