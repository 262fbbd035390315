package dev.chainmail.behaviour;

import dev.chainmail.Checkpoint;
import dev.chainmail.Fallback;
import dev.chainmail.RunId;
import dev.chainmail.StepKey;
import dev.chainmail.runtime.checkpoint.Checkpoints;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Durable runs: an entry and its steps, which count their executions and crash where a test says. */
class DurableChain {

  /** What a test throws to stand for a crash: the fallback does not answer it. */
  static final class Crash extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Crash(String where) {
      super("crash in " + where);
    }
  }

  final Map<String, Integer> executions = new ConcurrentHashMap<>();
  /** Where the next executions crash, each once. */
  final Set<String> crashes = ConcurrentHashMap.newKeySet();
  /** Where the next executions fail with an ordinary failure, which the fallback answers, each once. */
  final Set<String> failures = ConcurrentHashMap.newKeySet();
  /** Runs while search executes, once. */
  volatile Runnable duringSearch = () -> { };
  /** Appended to the topic the entry passes to search: a change makes a replay differ from the recorded run. */
  volatile String drift = "";

  public String report(@RunId String runId, String topic) {
    List<String> docs = search(topic + drift);
    return review(draft(docs));
  }

  @Checkpoint
  public List<String> search(String topic) {
    execute("search");
    Runnable during = duringSearch;
    duringSearch = () -> { };
    during.run();
    return List.of(topic + "-1", topic + "-2");
  }

  @Checkpoint(atMostOnce = true)
  public String draft(List<String> docs) {
    execute("draft");
    return String.join("+", docs);
  }

  @Checkpoint
  @Fallback(method = "plain", skipOn = Crash.class)
  public String review(String draft) {
    execute("review");
    return "reviewed " + draft;
  }

  String plain(String draft) {
    return "plain " + draft;
  }

  public int squares(@RunId String runId, int count) {
    int sum = 0;
    for (int i = 0; i < count; i++) {
      sum += square(i);
    }
    return sum;
  }

  @Checkpoint
  public int square(int x) {
    execute("square" + x);
    return x * x;
  }

  public String revised(@RunId String runId, String topic) {
    return polish(pick(topic + drift));
  }

  @Checkpoint(onMismatch = Checkpoint.OnMismatch.RERUN)
  public String pick(String topic) {
    execute("pick");
    return "picked " + topic;
  }

  @Checkpoint
  public String polish(String text) {
    execute("polish");
    return text + "!";
  }

  public List<String> parallel(@RunId String runId, int parts) {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<CompletableFuture<String>> futures = new ArrayList<>();
      for (int i = 0; i < parts; i++) {
        int index = i;
        futures.add(CompletableFuture.supplyAsync(() -> part(index), Checkpoints.propagating(pool)));
      }
      List<String> results = new ArrayList<>();
      for (CompletableFuture<String> future : futures) {
        results.add(future.join());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  @Checkpoint
  public String part(@StepKey int index) {
    execute("part");
    return "part " + index;
  }

  public void notify(@RunId String runId, Set<String> people) {
    greet(new HashSet<>(people));
  }

  @Checkpoint
  public void greet(Set<String> people) {
    execute("greet");
  }

  int executions(String step) {
    return executions.getOrDefault(step, 0);
  }

  private void execute(String step) {
    executions.merge(step, 1, Integer::sum);
    if (crashes.remove(step)) {
      throw new Crash(step);
    }
    if (failures.remove(step)) {
      throw new IllegalStateException("failure in " + step);
    }
  }
}
