package dev.chainmail.runtime.internal.checkpoint;

import dev.chainmail.runtime.checkpoint.CheckpointClaimedException;
import dev.chainmail.runtime.checkpoint.CheckpointStore;
import dev.chainmail.runtime.checkpoint.RunClaim;
import dev.chainmail.runtime.checkpoint.RunRecord;
import dev.chainmail.runtime.checkpoint.StepRecord;
import dev.chainmail.runtime.checkpoint.StepRow;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A checkpoint store in memory, for tests: the semantics of the SQLite store, claims included, without its
 * durability. Everything is guarded by one lock. This class is thread-safe.
 */
public final class InMemoryCheckpointStore implements CheckpointStore {

  private final InstantSource clock;
  private final Map<String, Run> runs = new LinkedHashMap<>();
  private final Set<String> claimed = new HashSet<>();
  private final Set<Claim> open = new HashSet<>();
  private boolean closed;

  /**
   * Creates an empty store.
   *
   * @param clock the source of the times at which runs start and finish
   * @throws NullPointerException if {@code clock} is null
   */
  public InMemoryCheckpointStore(InstantSource clock) {
    if (clock == null) {
      throw new NullPointerException("clock");
    }
    this.clock = clock;
  }

  @Override
  public synchronized RunClaim claim(String runId) {
    checkRunId(runId);
    checkOpen();
    if (!claimed.add(runId)) {
      throw new CheckpointClaimedException(runId);
    }
    Run run = runs.get(runId);
    Optional<RunRecord> record = run == null ? Optional.empty() : Optional.of(run.record(runId));
    List<StepRow> rows = run == null ? List.of() : run.sortedSteps();
    Claim claim = new Claim(runId, record, rows);
    open.add(claim);
    return claim;
  }

  @Override
  public synchronized Optional<RunRecord> run(String runId) {
    checkRunId(runId);
    checkOpen();
    Run run = runs.get(runId);
    return run == null ? Optional.empty() : Optional.of(run.record(runId));
  }

  @Override
  public synchronized List<String> unfinishedRuns() {
    checkOpen();
    List<String> ids = new ArrayList<>();
    for (Map.Entry<String, Run> entry : runs.entrySet()) {
      if (entry.getValue().result == null) {
        ids.add(entry.getKey());
      }
    }
    return List.copyOf(ids);
  }

  @Override
  public synchronized List<StepRecord> steps(String runId) {
    checkRunId(runId);
    checkOpen();
    Run run = runs.get(runId);
    if (run == null) {
      return List.of();
    }
    List<StepRecord> records = new ArrayList<>();
    for (StepRow row : run.sortedSteps()) {
      records.add(new StepRecord(row.name(), row.key(), row.done()));
    }
    return List.copyOf(records);
  }

  @Override
  public synchronized boolean deleteRun(String runId) {
    checkRunId(runId);
    checkOpen();
    if (claimed.contains(runId)) {
      throw new CheckpointClaimedException(runId);
    }
    return runs.remove(runId) != null;
  }

  @Override
  public synchronized int purgeFinishedBefore(Instant instant) {
    if (instant == null) {
      throw new NullPointerException("instant");
    }
    checkOpen();
    long before = instant.toEpochMilli();
    int purged = 0;
    for (Iterator<Run> it = runs.values().iterator(); it.hasNext(); ) {
      Run run = it.next();
      if (run.result != null && run.finishedAt < before) {
        it.remove();
        purged++;
      }
    }
    return purged;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (Claim claim : open) {
      claim.released = true;
    }
    open.clear();
    claimed.clear();
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("this in-memory checkpoint store is closed");
    }
  }

  private static void checkRunId(String runId) {
    if (runId == null) {
      throw new NullPointerException("runId");
    }
  }

  @Override
  public String toString() {
    return "CheckpointStores.inMemory()";
  }

  /** One run's records; guarded by the store's lock. */
  private static final class Run {
    final String entry;
    final byte[] arguments;
    final long startedAt;
    byte[] result;
    long finishedAt;
    /** By name, then key. */
    final Map<String, Map<String, StepRow>> steps = new LinkedHashMap<>();

    Run(String entry, byte[] arguments, long startedAt) {
      this.entry = entry;
      this.arguments = arguments;
      this.startedAt = startedAt;
    }

    RunRecord record(String runId) {
      return new RunRecord(runId, entry, arguments, result);
    }

    List<StepRow> sortedSteps() {
      List<StepRow> rows = new ArrayList<>();
      for (Map<String, StepRow> byKey : steps.values()) {
        rows.addAll(byKey.values());
      }
      rows.sort(StepRowOrder.BY_SEQ);
      return List.copyOf(rows);
    }

    StepRow step(String name, String key) {
      Map<String, StepRow> byKey = steps.get(name);
      return byKey == null ? null : byKey.get(key);
    }

    void put(StepRow row) {
      Map<String, StepRow> byKey = steps.get(row.name());
      if (byKey == null) {
        byKey = new LinkedHashMap<>();
        steps.put(row.name(), byKey);
      }
      byKey.put(row.key(), row);
    }
  }

  /** A claim on one run; its writes take the store's lock. */
  private final class Claim extends LoadedClaim {
    /** Guarded by the store's lock. */
    boolean released;

    Claim(String runId, Optional<RunRecord> record, List<StepRow> rows) {
      super(runId, record, rows);
    }

    @Override
    public void insertRun(String entry, byte[] arguments) {
      if (entry == null || arguments == null) {
        throw new NullPointerException(entry == null ? "entry" : "arguments");
      }
      synchronized (InMemoryCheckpointStore.this) {
        checkHeld();
        if (runs.containsKey(runId)) {
          throw new IllegalStateException("run '" + runId + "' is recorded already");
        }
        runs.put(runId, new Run(entry, arguments, clock.millis()));
      }
    }

    @Override
    public void finishRun(byte[] result) {
      if (result == null) {
        throw new NullPointerException("result");
      }
      synchronized (InMemoryCheckpointStore.this) {
        Run run = recorded();
        run.result = result;
        run.finishedAt = clock.millis();
      }
    }

    @Override
    public void insertStarted(String name, String key, long seq, byte[] fingerprint) {
      StepArguments.check(name, key, fingerprint);
      synchronized (InMemoryCheckpointStore.this) {
        Run run = recorded();
        if (run.step(name, key) != null) {
          throw new IllegalStateException("run '" + runId + "': step '" + name + "' (key " + key
              + ") is recorded already");
        }
        run.put(new StepRow(name, key, seq, fingerprint, null));
      }
    }

    @Override
    public void commitStep(String name, String key, long seq, byte[] fingerprint, byte[] result) {
      StepArguments.check(name, key, fingerprint);
      if (result == null) {
        throw new NullPointerException("result");
      }
      synchronized (InMemoryCheckpointStore.this) {
        recorded().put(new StepRow(name, key, seq, fingerprint, result));
      }
    }

    @Override
    public void discardFrom(long seq) {
      synchronized (InMemoryCheckpointStore.this) {
        Run run = recorded();
        for (Map<String, StepRow> byKey : run.steps.values()) {
          byKey.values().removeIf(row -> row.seq() >= seq);
        }
      }
    }

    @Override
    public void close() {
      synchronized (InMemoryCheckpointStore.this) {
        if (!released) {
          released = true;
          open.remove(this);
          claimed.remove(runId);
        }
      }
    }

    private Run recorded() {
      checkHeld();
      Run run = runs.get(runId);
      if (run == null) {
        throw new IllegalStateException("run '" + runId + "' is not recorded; insert it first");
      }
      return run;
    }

    private void checkHeld() {
      if (released) {
        throw new IllegalStateException("the claim on run '" + runId + "' was released"
            + (closed ? " when its store was closed" : "") + "; claim the run again to write to it");
      }
    }

  }
}
