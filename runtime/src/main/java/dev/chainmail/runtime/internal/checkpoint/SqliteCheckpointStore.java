package dev.chainmail.runtime.internal.checkpoint;

import dev.chainmail.runtime.checkpoint.CheckpointClaimedException;
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
import java.sql.Statement;
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

  private final Path file;
  private final InstantSource clock;
  private final Connection connection;
  private final ClaimFile claims;
  private final PreparedStatement selectRun;
  private final PreparedStatement selectStepRows;
  private final PreparedStatement insertRun;
  private final PreparedStatement finishRun;
  private final PreparedStatement insertStarted;
  private final PreparedStatement commitStep;
  private final PreparedStatement discardFrom;
  /** Guarded by this store's lock. */
  private final Set<Claim> open = new HashSet<>();
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
      configure(absolute, connection);
      migrate(absolute, connection);
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

  private static void configure(Path file, Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MILLIS);
      String mode;
      try (ResultSet rs = statement.executeQuery("PRAGMA journal_mode = WAL")) {
        mode = rs.next() ? rs.getString(1) : "unknown";
      }
      if (!"wal".equalsIgnoreCase(mode)) {
        throw new IllegalStateException("the checkpoint store " + file + " cannot use SQLite's WAL journal (it"
            + " stays in " + mode + " mode), which its durability depends on; use a file on a local disk");
      }
      statement.execute("PRAGMA synchronous = FULL");
    }
  }

  /** Creates the tables of a new file, or checks the schema version of an old one, in one write transaction. */
  private static void migrate(Path file, Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("BEGIN IMMEDIATE");
      boolean committed = false;
      try {
        statement.execute(SqliteSchema.CREATE_VERSION_TABLE);
        List<Integer> versions = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery(SqliteSchema.SELECT_VERSION)) {
          while (rs.next()) {
            versions.add(rs.getInt(1));
          }
        }
        if (versions.isEmpty()) {
          for (String create : SqliteSchema.CREATE) {
            statement.execute(create);
          }
          statement.execute(SqliteSchema.INSERT_VERSION);
        } else if (versions.size() != 1 || versions.get(0) != SqliteSchema.VERSION) {
          throw new IllegalStateException("the checkpoint store " + file + " has checkpoint schema version "
              + (versions.size() == 1 ? versions.get(0) : "rows " + versions) + ", and this Chainmail runtime"
              + " knows version " + SqliteSchema.VERSION + " only, so it does not open it: open it with the"
              + " Chainmail version that wrote it, or give this one another file");
        }
        statement.execute("COMMIT");
        committed = true;
      } finally {
        if (!committed) {
          statement.execute("ROLLBACK");
        }
      }
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
        Claim claim = new Claim(runId, lock, record, List.copyOf(rows));
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
    for (Claim claim : open) {
      claim.released = true;
      ClaimFile.unlock(claim.lock);
    }
    open.clear();
    claims.release();
    try {
      connection.close();
    } catch (SQLException e) {
      throw failure("close", e);
    }
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

  private IllegalStateException failure(String what, SQLException e) {
    return new IllegalStateException("checkpoint store " + file + ": could not " + what + ": " + e.getMessage(), e);
  }

  @Override
  public String toString() {
    return "CheckpointStores.sqlite(" + file + ")";
  }

  /** A claim on one run: a lock on its byte of the claims file. Its writes take the store's lock. */
  private final class Claim implements RunClaim {
    private final String runId;
    final FileLock lock;
    private final Optional<RunRecord> record;
    private final List<StepRow> rows;
    /** Guarded by the store's lock. */
    boolean released;

    Claim(String runId, FileLock lock, Optional<RunRecord> record, List<StepRow> rows) {
      this.runId = runId;
      this.lock = lock;
      this.record = record;
      this.rows = rows;
    }

    @Override
    public String runId() {
      return runId;
    }

    @Override
    public Optional<RunRecord> run() {
      return record;
    }

    @Override
    public List<StepRow> stepRows() {
      return rows;
    }

    @Override
    public void insertRun(String entry, byte[] arguments) {
      if (entry == null || arguments == null) {
        throw new NullPointerException(entry == null ? "entry" : "arguments");
      }
      synchronized (SqliteCheckpointStore.this) {
        checkHeld();
        try {
          insertRun.setString(1, runId);
          insertRun.setString(2, entry);
          insertRun.setBytes(3, arguments);
          insertRun.setLong(4, clock.millis());
          insertRun.executeUpdate();
        } catch (SQLException e) {
          throw failure("record run '" + runId + "' (is it recorded already?)", e);
        }
      }
    }

    @Override
    public void finishRun(byte[] result) {
      if (result == null) {
        throw new NullPointerException("result");
      }
      synchronized (SqliteCheckpointStore.this) {
        checkHeld();
        int updated;
        try {
          finishRun.setBytes(1, result);
          finishRun.setLong(2, clock.millis());
          finishRun.setString(3, runId);
          updated = finishRun.executeUpdate();
        } catch (SQLException e) {
          throw failure("record the result of run '" + runId + "'", e);
        }
        if (updated != 1) {
          throw new IllegalStateException("run '" + runId + "' is not recorded in " + file + "; insert it first");
        }
      }
    }

    @Override
    public void insertStarted(String name, String key, long seq, byte[] fingerprint) {
      checkStep(name, key, fingerprint);
      synchronized (SqliteCheckpointStore.this) {
        checkHeld();
        try {
          insertStarted.setString(1, runId);
          insertStarted.setString(2, name);
          insertStarted.setString(3, key);
          insertStarted.setLong(4, seq);
          insertStarted.setBytes(5, fingerprint);
          insertStarted.executeUpdate();
        } catch (SQLException e) {
          throw failure("record the start of step '" + name + "' (key " + key + ") of run '" + runId + "'", e);
        }
      }
    }

    @Override
    public void commitStep(String name, String key, long seq, byte[] fingerprint, byte[] result) {
      checkStep(name, key, fingerprint);
      if (result == null) {
        throw new NullPointerException("result");
      }
      synchronized (SqliteCheckpointStore.this) {
        checkHeld();
        try {
          commitStep.setString(1, runId);
          commitStep.setString(2, name);
          commitStep.setString(3, key);
          commitStep.setLong(4, seq);
          commitStep.setBytes(5, fingerprint);
          commitStep.setBytes(6, result);
          commitStep.executeUpdate();
        } catch (SQLException e) {
          throw failure("record step '" + name + "' (key " + key + ") of run '" + runId + "'", e);
        }
      }
    }

    @Override
    public void discardFrom(long seq) {
      synchronized (SqliteCheckpointStore.this) {
        checkHeld();
        try {
          discardFrom.setString(1, runId);
          discardFrom.setLong(2, seq);
          discardFrom.executeUpdate();
        } catch (SQLException e) {
          throw failure("discard the steps of run '" + runId + "' from seq " + seq, e);
        }
      }
    }

    @Override
    public void close() {
      synchronized (SqliteCheckpointStore.this) {
        if (!released) {
          released = true;
          open.remove(this);
          ClaimFile.unlock(lock);
        }
      }
    }

    private void checkHeld() {
      if (released) {
        throw new IllegalStateException("the claim on run '" + runId + "' was released"
            + (closed ? " when its store was closed" : "") + "; claim the run again to write to it");
      }
    }

    private void checkStep(String name, String key, byte[] fingerprint) {
      if (name == null || key == null || fingerprint == null) {
        throw new NullPointerException(name == null ? "name" : key == null ? "key" : "fingerprint");
      }
    }
  }
}
