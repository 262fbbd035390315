package dev.chainmail.runtime.internal.checkpoint;

import dev.chainmail.runtime.checkpoint.RunRecord;
import dev.chainmail.runtime.checkpoint.StepRow;
import java.nio.channels.FileLock;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * A claim of the SQLite store on one run: a lock on the run's byte of the claims file, and the records loaded when
 * it was taken. Its writes take the store's lock, and each is its own committed transaction. This class is
 * thread-safe.
 */
final class SqliteRunClaim extends LoadedClaim {

  private final SqliteCheckpointStore store;
  private final FileLock lock;
  /** Guarded by the store's lock. */
  private boolean released;

  SqliteRunClaim(SqliteCheckpointStore store, String runId, FileLock lock, Optional<RunRecord> record,
      List<StepRow> rows) {
    super(runId, record, rows);
    this.store = store;
    this.lock = lock;
  }

  @Override
  public void insertRun(String entry, byte[] arguments) {
    if (entry == null || arguments == null) {
      throw new NullPointerException(entry == null ? "entry" : "arguments");
    }
    synchronized (store) {
      checkHeld();
      try {
        store.insertRun.setString(1, runId);
        store.insertRun.setString(2, entry);
        store.insertRun.setBytes(3, arguments);
        store.insertRun.setLong(4, store.clock.millis());
        store.insertRun.executeUpdate();
      } catch (SQLException e) {
        throw store.failure("record run '" + runId + "' (is it recorded already?)", e);
      }
    }
  }

  @Override
  public void finishRun(byte[] result) {
    if (result == null) {
      throw new NullPointerException("result");
    }
    synchronized (store) {
      checkHeld();
      int updated;
      try {
        store.finishRun.setBytes(1, result);
        store.finishRun.setLong(2, store.clock.millis());
        store.finishRun.setString(3, runId);
        updated = store.finishRun.executeUpdate();
      } catch (SQLException e) {
        throw store.failure("record the result of run '" + runId + "'", e);
      }
      if (updated != 1) {
        throw new IllegalStateException("run '" + runId + "' is not recorded in " + store.file + "; insert it first");
      }
    }
  }

  @Override
  public void insertStarted(String name, String key, long seq, byte[] fingerprint) {
    StepArguments.check(name, key, fingerprint);
    synchronized (store) {
      checkHeld();
      try {
        store.insertStarted.setString(1, runId);
        store.insertStarted.setString(2, name);
        store.insertStarted.setString(3, key);
        store.insertStarted.setLong(4, seq);
        store.insertStarted.setBytes(5, fingerprint);
        store.insertStarted.executeUpdate();
      } catch (SQLException e) {
        throw store.failure("record the start of step '" + name + "' (key " + key + ") of run '" + runId + "'", e);
      }
    }
  }

  @Override
  public void commitStep(String name, String key, long seq, byte[] fingerprint, byte[] result) {
    StepArguments.check(name, key, fingerprint);
    if (result == null) {
      throw new NullPointerException("result");
    }
    synchronized (store) {
      checkHeld();
      try {
        store.commitStep.setString(1, runId);
        store.commitStep.setString(2, name);
        store.commitStep.setString(3, key);
        store.commitStep.setLong(4, seq);
        store.commitStep.setBytes(5, fingerprint);
        store.commitStep.setBytes(6, result);
        store.commitStep.executeUpdate();
      } catch (SQLException e) {
        throw store.failure("record step '" + name + "' (key " + key + ") of run '" + runId + "'", e);
      }
    }
  }

  @Override
  public void discardFrom(long seq) {
    synchronized (store) {
      checkHeld();
      try {
        store.discardFrom.setString(1, runId);
        store.discardFrom.setLong(2, seq);
        store.discardFrom.executeUpdate();
      } catch (SQLException e) {
        throw store.failure("discard the steps of run '" + runId + "' from seq " + seq, e);
      }
    }
  }

  @Override
  public void close() {
    synchronized (store) {
      if (!released) {
        release();
        store.forget(this);
      }
    }
  }

  /** Marks the claim released and unlocks its byte; the caller holds the store's lock. */
  void release() {
    released = true;
    ClaimFile.unlock(lock);
  }

  private void checkHeld() {
    if (released) {
      throw new IllegalStateException("the claim on run '" + runId + "' was released"
          + (store.closed() ? " when its store was closed" : "") + "; claim the run again to write to it");
    }
  }

}
