package com.example;

import dev.chainmail.Checkpoint;
import dev.chainmail.Fallback;
import dev.chainmail.Retry;
import dev.chainmail.RunId;
import dev.chainmail.StepKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A durable run: an entry, steps of every kind, and a nested record that contains itself. */
public class ReportChain {

  public enum Kind { PAPER, POST }

  public record Doc(String title, int pages, Kind kind, List<String> tags, Optional<Doc> cites,
      Map<String, Double> scores, Set<Long> ids, byte[] scan, Integer rank, boolean open) {}

  public record Report(String text, List<Doc> sources) {}

  public Report run(@RunId String runId, String topic, int depth) {
    return review(draft(search(topic)));
  }

  @Checkpoint
  public List<Doc> search(String topic) {
    return List.of();
  }

  @Checkpoint(name = "draft-v1", atMostOnce = true)
  public String draft(List<Doc> docs) {
    return "";
  }

  @Checkpoint(onMismatch = Checkpoint.OnMismatch.RERUN)
  @Retry(maxAttempts = 3)
  @Fallback(method = "plain")
  public Report review(String draft) {
    return new Report(draft, List.of());
  }

  Report plain(String draft) {
    return new Report(draft, List.of());
  }

  @Checkpoint
  public void publish(@StepKey int part, String text) {
  }
}
