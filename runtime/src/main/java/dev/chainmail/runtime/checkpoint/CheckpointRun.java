package dev.chainmail.runtime.checkpoint;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A durable run opened by its entry, {@link RunEntry#enter}, with the records it had when it was entered: the
 * {@linkplain Checkpoints#current() current run} of the entry's thread, and of the tasks sent through
 * {@link Checkpoints#propagating}, until {@link RunEntry#exit} closes it.
 *
 * <p>The run holds its claim while it is open, so no other caller executes it. Its steps may be called from
 * several threads: lookups of recorded steps take no lock, and writes to the store are made one at a time. This
 * class is thread-safe.
 *
 * <p>It holds in memory the records it was entered with, and the records of steps with a {@code @StepKey} that it
 * commits, which a repeated key returns. A step counted by occurrence is asked for once per execution, so its
 * record is not held once committed: a long run of such steps does not grow the heap.
 */
public final class CheckpointRun {

  private final String runId;
  private final String entry;
  private final RunClaim claim;
  private final CheckpointRun previous;
  private final ConcurrentHashMap<String, StepTable> tables = new ConcurrentHashMap<>();
  private final Object lock = new Object();
  /** The next sequence number to assign; guarded by {@link #lock}. */
  private long nextSeq = 1;
  private volatile byte[] result;
  private volatile boolean exited;

  CheckpointRun(String runId, String entry, RunClaim claim, CheckpointRun previous, List<StepRow> rows,
      byte[] result) {
    this.runId = runId;
    this.entry = entry;
    this.claim = claim;
    this.previous = previous;
    this.result = result;
    for (StepRow row : rows) {
      StepTable table = table(row.name());
      table.rows.put(row.key(), new StepCall(this, table, row.key(), row.seq(), row.fingerprint(), row.result()));
      nextSeq = Math.max(nextSeq, row.seq() + 1);
    }
  }

  /** @return the run's id */
  public String runId() {
    return runId;
  }

  /** @return the id of the run's entry, as {@code com.example.ReportChain/run} */
  public String entry() {
    return entry;
  }

  /**
   * Returns whether the run's entry returned before, in which case the proxy returns {@link #result(Codec)} without
   * executing anything.
   *
   * @return {@code true} if the run's result is recorded
   */
  public boolean finished() {
    return result != null;
  }

  /**
   * Decodes the recorded result of a finished run.
   *
   * @param <T> the entry's result type
   * @param codec the codec of the entry's result type
   * @return the recorded result
   * @throws NullPointerException if {@code codec} is null
   * @throws IllegalStateException if the run is not {@linkplain #finished() finished}
   * @throws CheckpointCorruptedException naming the run and the entry, if the codec fails on the recorded bytes
   */
  public <T> T result(Codec<T> codec) {
    if (codec == null) {
      throw new NullPointerException("codec");
    }
    byte[] bytes = result;
    if (bytes == null) {
      throw new IllegalStateException("run '" + runId + "' is not finished, so it has no result to decode");
    }
    try {
      return codec.decode(bytes);
    } catch (RuntimeException e) {
      throw new CheckpointCorruptedException(runId, entry, "", e);
    }
  }

  StepCall begin(StepPolicy policy, String key, Fingerprints fingerprints) {
    if (exited) {
      throw exitedException(policy.name());
    }
    StepTable table = table(policy.name());
    String stepKey = key != null ? key : StepKeys.occurrence(table.nextOccurrence());
    StepCall recorded = table.rows.get(stepKey);
    if (recorded != null && recorded.result != null && fingerprints.matches(recorded.fingerprint)) {
      return recorded;
    }
    return beginSlowly(policy, table, stepKey, key != null, fingerprints.copy());
  }

  private StepCall beginSlowly(StepPolicy policy, StepTable table, String key, boolean keyed,
      byte[] fingerprint) {
    synchronized (lock) {
      if (exited) {
        throw exitedException(policy.name());
      }
      StepCall recorded = table.rows.get(key);
      if (recorded != null) {
        if (!Arrays.equals(recorded.fingerprint, fingerprint)) {
          if (!policy.rerunOnMismatch()) {
            throw new CheckpointMismatchException(runId, table.name, key, Fingerprints.hex(recorded.fingerprint),
                Fingerprints.hex(fingerprint));
          }
          discardFrom(recorded.seq);
        } else if (recorded.result != null) {
          return recorded;
        } else if (policy.atMostOnce()) {
          throw new CheckpointInDoubtException(runId, table.name, key);
        } else {
          return new StepCall(this, table, key, recorded.seq, fingerprint, null, keyed);
        }
      }
      if (policy.atMostOnce()) {
        long seq = nextSeq;
        claim.insertStarted(table.name, key, seq, fingerprint);
        nextSeq = seq + 1;
        StepCall marker = new StepCall(this, table, key, seq, fingerprint, null, keyed);
        table.rows.put(key, marker);
        return marker;
      }
      return new StepCall(this, table, key, -1, fingerprint, null, keyed);
    }
  }

  void commit(StepCall call, byte[] bytes) {
    synchronized (lock) {
      if (exited) {
        throw exitedException(call.table.name);
      }
      if (call.committed) {
        throw new IllegalStateException("run '" + runId + "': step '" + call.table.name + "' (key " + call.key
            + ") was committed already; a call is committed once");
      }
      long seq = call.seq >= 0 ? call.seq : nextSeq;
      claim.commitStep(call.table.name, call.key, seq, call.fingerprint, bytes);
      if (call.seq < 0) {
        nextSeq = seq + 1;
      }
      call.committed = true;
      if (call.keyed) {
        call.table.rows.put(call.key, new StepCall(this, call.table, call.key, seq, call.fingerprint, bytes));
      } else {
        // Asked for once per execution: drop its STARTED marker, if it had one, and hold nothing.
        call.table.rows.remove(call.key);
      }
    }
  }

  /** Deletes every step record from {@code seq} on, in the store and here; the caller holds {@link #lock}. */
  private void discardFrom(long seq) {
    claim.discardFrom(seq);
    for (StepTable table : tables.values()) {
      table.rows.values().removeIf(call -> call.seq >= seq);
    }
  }

  void finish(byte[] bytes) {
    synchronized (lock) {
      if (exited) {
        throw new IllegalStateException("run '" + runId + "' was exited; finish it before exiting");
      }
      if (result != null) {
        throw new IllegalStateException("run '" + runId + "' is finished already; return its recorded result");
      }
      claim.finishRun(bytes);
      result = bytes;
    }
  }

  /**
   * Marks the run exited, makes the thread's previous run current again if this one is current, and releases the
   * claim; does nothing if the run was exited already.
   */
  void exit() {
    synchronized (lock) {
      if (exited) {
        return;
      }
      exited = true;
    }
    try {
      if (Checkpoints.current() == this) {
        Checkpoints.set(previous);
      }
    } finally {
      claim.close();
    }
  }

  private StepTable table(String name) {
    StepTable table = tables.get(name);
    if (table == null) {
      StepTable created = new StepTable(name);
      table = tables.putIfAbsent(name, created);
      if (table == null) {
        table = created;
      }
    }
    return table;
  }

  /** @return how many step records the run holds in memory, for tests */
  int heldRecords() {
    int held = 0;
    for (StepTable table : tables.values()) {
      held += table.rows.size();
    }
    return held;
  }

  private IllegalStateException exitedException(String step) {
    return new IllegalStateException("run '" + runId + "': step '" + step + "' was called after the run's entry"
        + " returned, so it cannot be recorded; let the tasks that call steps finish before the entry returns");
  }

  @Override
  public String toString() {
    return "CheckpointRun[" + runId + ", entry=" + entry + (finished() ? ", finished" : "") + "]";
  }
}
