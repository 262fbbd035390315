package dev.chainmail.runtime.internal.checkpoint;

import dev.chainmail.runtime.checkpoint.CheckpointFencedException;
import dev.chainmail.runtime.checkpoint.RunRecord;
import dev.chainmail.runtime.checkpoint.StepRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A claim of the PostgreSQL store on one run: its lease, and the records loaded when it was taken. Each write is
 * one statement that first takes a share lock on the lease row at the claim's epoch: if another worker has taken
 * the run over, the row has a later epoch, the statement writes nothing, and the write throws
 * {@link CheckpointFencedException}. A step is first writer wins: a committed result is never replaced.
 *
 * <p>A step without a STARTED marker is committed by a plain {@code INSERT}, which costs PostgreSQL less than an
 * upsert's speculative insertion; only when that insert meets a row (a marker this claim does not know of, or a
 * racing writer's result) does the commit run the upsert, which replaces a marker and reads a winner back. The
 * claim knows the markers it loaded and the ones it wrote, and commits those by the upsert at once, so that an
 * at-most-once step never makes the server log a unique violation. This class is thread-safe.
 */
final class PostgresRunClaim extends LoadedClaim {

  /** A lease: the claim's owner token and its epoch. */
  record Lease(String owner, long epoch) {}

  private final PostgresStore store;
  private final Lease lease;
  /** The steps, as {@link #markerKey}, that have a STARTED marker as far as this claim knows. */
  private final Set<String> markers = ConcurrentHashMap.newKeySet();
  private volatile boolean released;
  private volatile boolean lost;

  PostgresRunClaim(PostgresStore store, String runId, Lease lease, Optional<RunRecord> record, List<StepRow> rows) {
    super(runId, record, rows);
    this.store = store;
    this.lease = lease;
    for (StepRow row : rows) {
      if (row.result() == null) {
        markers.add(markerKey(row.name(), row.key()));
      }
    }
  }

  private static String markerKey(String name, String key) {
    return name + '\u0000' + key;
  }

  Lease lease() {
    return lease;
  }

  /** The renewal found the lease gone: every later write is refused. */
  void lost() {
    lost = true;
  }

  private int bindLease(PreparedStatement statement) throws SQLException {
    statement.setString(1, runId);
    statement.setLong(2, lease.epoch());
    statement.setString(3, lease.owner());
    return 4;
  }

  /** Binds the lease, then a step's run, name, key, seq and fingerprint; returns the next parameter's index. */
  private int bindStep(PreparedStatement statement, String name, String key, long seq, byte[] fingerprint)
      throws SQLException {
    int i = bindLease(statement);
    statement.setString(i, runId);
    statement.setString(i + 1, name);
    statement.setString(i + 2, key);
    statement.setLong(i + 3, seq);
    statement.setBytes(i + 4, fingerprint);
    return i + 5;
  }

  @Override
  public void insertRun(String entry, byte[] arguments) {
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(arguments, "arguments");
    write(() -> "record run '" + runId + "'", store.sql.insertRun,
        statement -> {
          int i = bindLease(statement);
          statement.setString(i, runId);
          statement.setString(i + 1, entry);
          statement.setBytes(i + 2, arguments);
          statement.setLong(i + 3, store.clock.millis());
        },
        () -> new IllegalStateException("run '" + runId + "' is recorded already; it cannot be inserted again"));
  }

  @Override
  public void finishRun(byte[] result) {
    Objects.requireNonNull(result, "result");
    write(() -> "record the result of run '" + runId + "'", store.sql.finishRun,
        statement -> {
          int i = bindLease(statement);
          statement.setBytes(i, result);
          statement.setLong(i + 1, store.clock.millis());
          statement.setString(i + 2, runId);
        },
        () -> new IllegalStateException("run '" + runId + "' is not recorded; insert it first"));
  }

  @Override
  public void insertStarted(String name, String key, long seq, byte[] fingerprint) {
    StepArguments.check(name, key, fingerprint);
    write(() -> "record the start of step '" + name + "' (key " + key + ") of run '" + runId + "'",
        store.sql.insertStarted,
        statement -> bindStep(statement, name, key, seq, fingerprint),
        () -> new IllegalStateException("step '" + name + "' (key " + key + ") of run '" + runId
            + "' is recorded already"));
    markers.add(markerKey(name, key));
  }

  @Override
  public void commitStep(String name, String key, long seq, byte[] fingerprint, byte[] result) {
    StepArguments.check(name, key, fingerprint);
    Objects.requireNonNull(result, "result");
    Supplier<String> what = () -> "record step '" + name + "' (key " + key + ") of run '" + runId + "'";
    Binder binder = statement -> statement.setBytes(bindStep(statement, name, key, seq, fingerprint), result);
    boolean marked = !markers.isEmpty() && markers.contains(markerKey(name, key));
    if (!marked && write(what, store.sql.insertStep, binder, null, true) != CONFLICT) {
      return;
    }
    int written = write(what, store.sql.upsertStep, binder, null, false);
    if (marked) {
      markers.remove(markerKey(name, key));
    }
    if (written == 0) {
      byte[] winner = readResult(name, key, what);
      if (!Arrays.equals(winner, result)) {
        throw new IllegalStateException("step '" + name + "' (key " + key + ") of run '" + runId + "' is recorded"
            + " already with another result, which stands: a step is recorded once");
      }
    }
  }

  private byte[] readResult(String name, String key, Supplier<String> what) {
    try (Connection connection = store.dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(store.sql.readResult)) {
      select.setString(1, runId);
      select.setString(2, name);
      select.setString(3, key);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? rs.getBytes(1) : null;
      }
    } catch (SQLException e) {
      throw store.failure(what.get(), e);
    }
  }

  @Override
  public void discardFrom(long seq) {
    write(() -> "discard the steps of run '" + runId + "' from seq " + seq, store.sql.discardFrom,
        statement -> {
          int i = bindLease(statement);
          statement.setString(i, runId);
          statement.setLong(i + 1, seq);
        },
        null);
  }

  /** Binds a statement's parameters. */
  private interface Binder {
    void bind(PreparedStatement statement) throws SQLException;
  }

  /** What {@link #write} returns for a unique violation that its caller asked to handle itself. */
  private static final int CONFLICT = -1;

  private static final String UNIQUE_VIOLATION = "23505";

  private int write(Supplier<String> what, String sql, Binder binder, Supplier<RuntimeException> unchanged) {
    return write(what, sql, binder, unchanged, false);
  }

  /**
   * Runs one fenced write. When it changes no row, a lease that moved on means the claim was fenced; otherwise
   * {@code unchanged}, if given, says what is wrong.
   *
   * @param what what the write does, for the message of a failure; built only then
   * @param conflicts whether a unique violation returns {@link #CONFLICT} instead of failing
   * @return the rows changed, or {@link #CONFLICT}
   */
  private int write(Supplier<String> what, String sql, Binder binder, Supplier<RuntimeException> unchanged,
      boolean conflicts) {
    checkHeld();
    try (Connection connection = store.dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      binder.bind(statement);
      int changed = statement.executeUpdate();
      if (changed == 0) {
        long current = currentEpoch(connection);
        if (current != lease.epoch()) {
          lost = true;
          throw new CheckpointFencedException(runId, lease.epoch(), current);
        }
        if (unchanged != null) {
          throw unchanged.get();
        }
      }
      return changed;
    } catch (SQLException e) {
      if (conflicts && UNIQUE_VIOLATION.equals(e.getSQLState())) {
        return CONFLICT;
      }
      throw store.failure(what.get(), e);
    }
  }

  /** The epoch the run's lease has now, or -1 if it has none. */
  private long currentEpoch(Connection connection) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(store.sql.currentEpoch)) {
      select.setString(1, runId);
      try (ResultSet rs = select.executeQuery()) {
        if (!rs.next()) {
          return -1;
        }
        return rs.getLong(1);
      }
    }
  }

  @Override
  public void close() {
    if (released) {
      return;
    }
    released = true;
    store.forget(this);
    if (lost) {
      return;
    }
    try (Connection connection = store.dataSource.getConnection();
        PreparedStatement release = store.releaseStatement(connection)) {
      PostgresStore.bindRelease(release, runId, lease);
      release.executeUpdate();
    } catch (SQLException e) {
      // The lease expires by itself; releasing only lets the next caller in sooner.
    }
  }

  private void checkHeld() {
    if (released) {
      throw new IllegalStateException("the claim on run '" + runId + "' was released"
          + (store.closed() ? " when its store was closed" : "") + "; claim the run again to write to it");
    }
    if (lost) {
      throw new CheckpointFencedException(runId, lease.epoch(), -1);
    }
  }

}
