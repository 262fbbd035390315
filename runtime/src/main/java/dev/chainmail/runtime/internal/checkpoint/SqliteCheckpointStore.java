package dev.chainmail.runtime.internal.checkpoint;

import dev.chainmail.runtime.checkpoint.CheckpointStore;
import dev.chainmail.runtime.checkpoint.RunClaim;
import dev.chainmail.runtime.checkpoint.RunRecord;
import dev.chainmail.runtime.checkpoint.StepRecord;
import dev.chainmail.runtime.checkpoint.StepRow;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The SQLite checkpoint store: one database file, in WAL mode with {@code synchronous=FULL}, so that a commit that
 * returned survives a crash of the process or of the machine, and a sidecar file of claims ({@link ClaimFile}). The
 * tables are those of {@link SqliteSchema}.
 *
 * <p>The store reaches SQLite through {@code java.sql} and the {@code org.xerial:sqlite-jdbc} driver, which the
 * application adds. It uses one connection, guarded by the store's lock; each write is its own committed
 * transaction. Several stores, in this process or others, may share a file: SQLite serializes their writes, waiting
 * up to {@value #BUSY_TIMEOUT_MILLIS} ms for a lock, and their claims exclude each other. This class is
 * thread-safe.
 */
public final class SqliteCheckpointStore implements CheckpointStore {

  static final int BUSY_TIMEOUT_MILLIS = 10_000;

  final Path file;
  final InstantSource clock;
  private final Connection connection;
  private final ClaimFile claims;
  final PreparedStatement selectRun;
  final PreparedStatement selectStepRows;
  final PreparedStatement insertRun;
  final PreparedStatement finishRun;
  final PreparedStatement insertStarted;
  final PreparedStatement commitStep;
  final PreparedStatement discardFrom;
  /** Guarded by this store's lock. */
  private final Set<SqliteRunClaim> open = new HashSet<>();
  /** Guarded by this store's lock. */
  private boolean closed;

  private SqliteCheckpointStore(Path file, InstantSource clock, Connection connection, ClaimFile claims)
      throws SQLException {
    this.file = file;
    this.clock = clock;
    this.connection = connection;
    this.claims = claims;
    this.selectRun = connection.prepareStatement(SqliteSchema.SELECT_RUN);
    this.selectStepRows = connection.prepareStatement(SqliteSchema.SELECT_STEP_ROWS);
    this.insertRun = connection.prepareStatement(SqliteSchema.INSERT_RUN);
    this.finishRun = connection.prepareStatement(SqliteSchema.FINISH_RUN);
    this.insertStarted = connection.prepareStatement(SqliteSchema.INSERT_STARTED);
    this.commitStep = connection.prepareStatement(SqliteSchema.COMMIT_STEP);
    this.discardFrom = connection.prepareStatement(SqliteSchema.DISCARD_FROM);
  }

  /**
   * Opens a store on a file, creating the file and its tables if need be.
   *
   * @param file the database file; its claims go to the same name with {@code .claims} appended
   * @param clock the source of the times at which runs start and finish
   * @return the store
   * @throws NullPointerException if an argument is null
   * @throws IllegalStateException if the SQLite driver is not on the class path, the file cannot be opened or is
   *     not an SQLite database, or its checkpoint schema has a version this runtime does not know
   */
  public static SqliteCheckpointStore open(Path file, InstantSource clock) {
    if (file == null || clock == null) {
      throw new NullPointerException(file == null ? "file" : "clock");
    }
    Path absolute = file.toAbsolutePath();
    String url = "jdbc:sqlite:" + absolute;
    Connection connection = connect(absolute, url);
    ClaimFile claims = null;
    try {
      SqliteSchema.configure(absolute, connection, BUSY_TIMEOUT_MILLIS);
      SqliteSchema.migrate(absolute, connection);
      claims = ClaimFile.acquire(Path.of(absolute + ".claims"));
      return new SqliteCheckpointStore(absolute, clock, connection, claims);
    } catch (SQLException | RuntimeException e) {
      if (claims != null) {
        claims.release();
      }
      try {
        connection.close();
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      if (e instanceof SQLException) {
        throw new IllegalStateException("cannot open the checkpoint store " + absolute + ": " + e.getMessage()
            + "; is it an SQLite database?", e);
      }
      throw (RuntimeException) e;
    }
  }

  private static Connection connect(Path file, String url) {
    try {
      return DriverManager.getConnection(url);
    } catch (SQLException e) {
      if (!hasDriver(url)) {
        throw new IllegalStateException("the SQLite checkpoint store needs the SQLite JDBC driver, which is not on"
            + " the class path: add org.xerial:sqlite-jdbc to the application's dependencies", e);
      }
      throw new IllegalStateException("cannot open the checkpoint store " + file + ": " + e.getMessage()
          + "; check that its directory exists and is writable", e);
    }
  }

  private static boolean hasDriver(String url) {
    try {
      DriverManager.getDriver(url);
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  @Override
  public RunClaim claim(String runId) {
    checkRunId(runId);
    synchronized (this) {
      checkOpen();
    }
    FileLock lock = claims.lock(runId);
    boolean claimed = false;
    try {
      synchronized (this) {
        checkOpen();
        Optional<RunRecord> record = readRun(runId);
        List<StepRow> rows = new ArrayList<>();
        selectStepRows.setString(1, runId);
        try (ResultSet rs = selectStepRows.executeQuery()) {
          while (rs.next()) {
            rows.add(new StepRow(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getBytes(4), rs.getBytes(5)));
          }
        }
        SqliteRunClaim claim = new SqliteRunClaim(this, runId, lock, record, List.copyOf(rows));
        open.add(claim);
        claimed = true;
        return claim;
      }
    } catch (SQLException e) {
      throw failure("load run '" + runId + "'", e);
    } finally {
      if (!claimed) {
        ClaimFile.unlock(lock);
      }
    }
  }

  @Override
  public synchronized Optional<RunRecord> run(String runId) {
    checkRunId(runId);
    checkOpen();
    try {
      return readRun(runId);
    } catch (SQLException e) {
      throw failure("read run '" + runId + "'", e);
    }
  }

  private Optional<RunRecord> readRun(String runId) throws SQLException {
    selectRun.setString(1, runId);
    try (ResultSet rs = selectRun.executeQuery()) {
      if (!rs.next()) {
        return Optional.empty();
      }
      return Optional.of(new RunRecord(runId, rs.getString(1), rs.getBytes(2), rs.getBytes(3)));
    }
  }

  @Override
  public synchronized List<String> unfinishedRuns() {
    checkOpen();
    try (PreparedStatement statement = connection.prepareStatement(SqliteSchema.SELECT_UNFINISHED);
        ResultSet rs = statement.executeQuery()) {
      List<String> ids = new ArrayList<>();
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
      return List.copyOf(ids);
    } catch (SQLException e) {
      throw failure("list the unfinished runs", e);
    }
  }

  @Override
  public synchronized List<StepRecord> steps(String runId) {
    checkRunId(runId);
    checkOpen();
    try (PreparedStatement statement = connection.prepareStatement(SqliteSchema.SELECT_STEPS)) {
      statement.setString(1, runId);
      List<StepRecord> steps = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          steps.add(new StepRecord(rs.getString(1), rs.getString(2), rs.getInt(3) != 0));
        }
      }
      return List.copyOf(steps);
    } catch (SQLException e) {
      throw failure("list the steps of run '" + runId + "'", e);
    }
  }

  @Override
  public boolean deleteRun(String runId) {
    checkRunId(runId);
    synchronized (this) {
      checkOpen();
    }
    FileLock lock = claims.lock(runId);
    try {
      synchronized (this) {
        checkOpen();
        return inTransaction("delete run '" + runId + "'", SqliteSchema.DELETE_STEPS, SqliteSchema.DELETE_RUN,
            runId, 0) > 0;
      }
    } finally {
      ClaimFile.unlock(lock);
    }
  }

  @Override
  public synchronized int purgeFinishedBefore(Instant instant) {
    if (instant == null) {
      throw new NullPointerException("instant");
    }
    checkOpen();
    return inTransaction("purge the runs finished before " + instant, SqliteSchema.PURGE_STEPS,
        SqliteSchema.PURGE_RUNS, null, instant.toEpochMilli());
  }

  /**
   * Runs two deletes, of steps then of runs, in one transaction, each with one parameter: {@code runId} if not
   * null, else {@code millis}. Returns the count of runs deleted. The caller holds this store's lock.
   */
  private int inTransaction(String what, String deleteSteps, String deleteRuns, String runId, long millis) {
    try {
      connection.setAutoCommit(false);
      try (PreparedStatement steps = connection.prepareStatement(deleteSteps);
          PreparedStatement runs = connection.prepareStatement(deleteRuns)) {
        bind(steps, runId, millis);
        bind(runs, runId, millis);
        steps.executeUpdate();
        int deleted = runs.executeUpdate();
        connection.commit();
        return deleted;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw failure(what, e);
    }
  }

  private static void bind(PreparedStatement statement, String runId, long millis) throws SQLException {
    if (runId != null) {
      statement.setString(1, runId);
    } else {
      statement.setLong(1, millis);
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (SqliteRunClaim claim : open) {
      claim.release();
    }
    open.clear();
    claims.release();
    try {
      connection.close();
    } catch (SQLException e) {
      throw failure("close", e);
    }
  }

  /** @return whether the store was closed; the caller holds this store's lock */
  boolean closed() {
    return closed;
  }

  /** Forgets a claim that was released; the caller holds this store's lock. */
  void forget(SqliteRunClaim claim) {
    open.remove(claim);
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the checkpoint store " + file + " is closed");
    }
  }

  private static void checkRunId(String runId) {
    if (runId == null) {
      throw new NullPointerException("runId");
    }
  }

  IllegalStateException failure(String what, SQLException e) {
    return new IllegalStateException("checkpoint store " + file + ": could not " + what + ": " + e.getMessage(), e);
  }

  @Override
  public String toString() {
    return "CheckpointStores.sqlite(" + file + ")";
  }
}
