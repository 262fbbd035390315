package dev.chainmail.runtime.internal.checkpoint;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The tables of the SQL checkpoint stores, version {@value #VERSION}. The statements are plain SQL that SQLite and
 * PostgreSQL both run, the type of binary columns aside: {@code BLOB} here, {@code BYTEA} in PostgreSQL.
 * <pre>
 * chainmail_schema (version INTEGER NOT NULL)                 -- one row: the schema version
 * chainmail_runs (
 *   run_id      TEXT PRIMARY KEY,
 *   entry       TEXT NOT NULL,      -- the entry's id, as com.example.ReportChain/run
 *   arguments   BLOB NOT NULL,      -- the entry's encoded arguments, its run id aside
 *   result      BLOB,               -- the entry's encoded result; NULL while the run is unfinished
 *   started_at  BIGINT NOT NULL,    -- milliseconds since the epoch (UTC)
 *   finished_at BIGINT)             -- milliseconds since the epoch; NULL while unfinished
 * chainmail_runs_finished_at ON chainmail_runs (finished_at)  -- for purgeFinishedBefore
 * chainmail_steps (
 *   run_id      TEXT NOT NULL,
 *   name        TEXT NOT NULL,      -- the step's name
 *   step_key    TEXT NOT NULL,      -- its occurrence number from "0", or its @StepKey value, as text
 *   seq         BIGINT NOT NULL,    -- increasing in the order the run's steps were first recorded, from 1
 *   fingerprint BLOB NOT NULL,      -- the first 16 bytes of the SHA-256 of the step's encoded arguments
 *   result      BLOB,               -- the step's encoded result; NULL for a STARTED marker
 *   PRIMARY KEY (run_id, name, step_key))
 * UNIQUE chainmail_steps_seq ON chainmail_steps (run_id, seq)  -- loading in order, discarding from a seq on
 * </pre>
 * A step is committed with one upsert, {@code INSERT ... ON CONFLICT (run_id, name, step_key) DO UPDATE}, which
 * replaces its STARTED marker if it has one. Leases for several machines (a later version) add their own table, so
 * that a commit can check the lease's epoch in the same statement.
 *
 * <p>This class creates the tables of a new file and checks the version of an old one. It is thread-safe.
 */
final class SqliteSchema {

  /** The schema version this runtime writes, and the only one it reads. */
  static final int VERSION = 1;

  static final String CREATE_VERSION_TABLE =
      "CREATE TABLE IF NOT EXISTS chainmail_schema (version INTEGER NOT NULL)";
  static final String SELECT_VERSION = "SELECT version FROM chainmail_schema";
  static final String INSERT_VERSION = "INSERT INTO chainmail_schema (version) VALUES (" + VERSION + ")";

  static final List<String> CREATE = List.of(
      "CREATE TABLE IF NOT EXISTS chainmail_runs (run_id TEXT PRIMARY KEY, entry TEXT NOT NULL,"
          + " arguments BLOB NOT NULL, result BLOB, started_at BIGINT NOT NULL, finished_at BIGINT)",
      "CREATE INDEX IF NOT EXISTS chainmail_runs_finished_at ON chainmail_runs (finished_at)",
      "CREATE TABLE IF NOT EXISTS chainmail_steps (run_id TEXT NOT NULL, name TEXT NOT NULL,"
          + " step_key TEXT NOT NULL, seq BIGINT NOT NULL, fingerprint BLOB NOT NULL, result BLOB,"
          + " PRIMARY KEY (run_id, name, step_key))",
      "CREATE UNIQUE INDEX IF NOT EXISTS chainmail_steps_seq ON chainmail_steps (run_id, seq)");

  static final String SELECT_RUN = "SELECT entry, arguments, result FROM chainmail_runs WHERE run_id = ?";
  static final String SELECT_STEP_ROWS =
      "SELECT name, step_key, seq, fingerprint, result FROM chainmail_steps WHERE run_id = ? ORDER BY seq";
  static final String INSERT_RUN =
      "INSERT INTO chainmail_runs (run_id, entry, arguments, started_at) VALUES (?, ?, ?, ?)";
  static final String FINISH_RUN = "UPDATE chainmail_runs SET result = ?, finished_at = ? WHERE run_id = ?";
  static final String INSERT_STARTED =
      "INSERT INTO chainmail_steps (run_id, name, step_key, seq, fingerprint) VALUES (?, ?, ?, ?, ?)";
  static final String COMMIT_STEP =
      "INSERT INTO chainmail_steps (run_id, name, step_key, seq, fingerprint, result) VALUES (?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT (run_id, name, step_key) DO UPDATE SET seq = excluded.seq,"
          + " fingerprint = excluded.fingerprint, result = excluded.result";
  static final String DISCARD_FROM = "DELETE FROM chainmail_steps WHERE run_id = ? AND seq >= ?";
  static final String SELECT_UNFINISHED =
      "SELECT run_id FROM chainmail_runs WHERE finished_at IS NULL ORDER BY started_at, run_id";
  static final String SELECT_STEPS =
      "SELECT name, step_key, result IS NOT NULL FROM chainmail_steps WHERE run_id = ? ORDER BY seq";
  static final String DELETE_STEPS = "DELETE FROM chainmail_steps WHERE run_id = ?";
  static final String DELETE_RUN = "DELETE FROM chainmail_runs WHERE run_id = ?";
  static final String PURGE_STEPS = "DELETE FROM chainmail_steps WHERE run_id IN"
      + " (SELECT run_id FROM chainmail_runs WHERE finished_at < ?)";
  static final String PURGE_RUNS = "DELETE FROM chainmail_runs WHERE finished_at < ?";

  private SqliteSchema() {}

  /**
   * Sets the connection's busy timeout, WAL journal and {@code synchronous=FULL}.
   *
   * @throws IllegalStateException if the file cannot be put in WAL mode
   */
  static void configure(Path file, Connection connection, int busyTimeoutMillis) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA busy_timeout = " + busyTimeoutMillis);
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

  /**
   * Creates the tables of a new file, or checks the schema version of an old one, in one write transaction.
   *
   * @throws IllegalStateException if the file has a schema version other than {@link #VERSION}
   */
  static void migrate(Path file, Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("BEGIN IMMEDIATE");
      boolean committed = false;
      try {
        statement.execute(CREATE_VERSION_TABLE);
        List<Integer> versions = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery(SELECT_VERSION)) {
          while (rs.next()) {
            versions.add(rs.getInt(1));
          }
        }
        if (versions.isEmpty()) {
          for (String create : CREATE) {
            statement.execute(create);
          }
          statement.execute(INSERT_VERSION);
        } else if (versions.size() != 1 || versions.get(0) != VERSION) {
          throw new IllegalStateException("the checkpoint store " + file + " has checkpoint schema version "
              + (versions.size() == 1 ? versions.get(0) : "rows " + versions) + ", and this Chainmail runtime"
              + " knows version " + VERSION + " only, so it does not open it: open it with the"
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
}
