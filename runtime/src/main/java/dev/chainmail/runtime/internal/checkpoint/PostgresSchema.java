package dev.chainmail.runtime.internal.checkpoint;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The tables of the PostgreSQL checkpoint store, version {@value #VERSION}, in a schema of their own: those of the
 * SQLite store (binary columns as {@code BYTEA}), per run a count of recovery attempts and when recovery gave up on
 * it, and the leases.
 * <pre>
 * runs (..., recoveries INT NOT NULL,  -- takeovers and recovery picks so far
 *            dead_at BIGINT)           -- when the attempt after the last allowed one marked it dead, or null
 * leases (
 *   run_id     TEXT PRIMARY KEY,
 *   owner      TEXT NOT NULL,          -- the claim that holds it: unique per claim
 *   holder     TEXT NOT NULL,          -- who that is, for messages: host name and process id
 *   epoch      BIGINT NOT NULL,        -- grows by one with each new holder, never reset
 *   expires_at TIMESTAMPTZ NOT NULL,   -- by the database's clock; renewed every third of the lease
 *   released   BOOLEAN NOT NULL,       -- its holder gave it back; an expired lease not released is a takeover's
 *   taken_over BOOLEAN NOT NULL)       -- its holder took it from one that never released it
 * </pre>
 * Every write of a claim checks, in its own statement, that the lease still has the claim's epoch, taking a share
 * lock on the lease row: a takeover, which updates the row, then either waits for the write, whose result it
 * loads, or makes the write find no lease and write nothing. A lease row outlives its run's release, so that
 * epochs only grow.
 *
 * <p>Migration runs in one transaction under an advisory lock on the schema's name, so that workers starting at
 * once migrate it once. This class is thread-safe.
 */
final class PostgresSchema {

  /** The schema version this runtime writes, and the only one it reads; it migrates older ones to it. */
  static final int VERSION = 2;

  private PostgresSchema() {}

  static List<String> create(String s) {
    return List.of(
        "CREATE TABLE " + s + ".runs (run_id TEXT PRIMARY KEY, entry TEXT NOT NULL, arguments BYTEA NOT NULL,"
            + " result BYTEA, started_at BIGINT NOT NULL, finished_at BIGINT, recoveries INT NOT NULL DEFAULT 0,"
            + " dead_at BIGINT)",
        "CREATE INDEX runs_finished_at ON " + s + ".runs (finished_at)",
        "CREATE INDEX runs_unfinished ON " + s + ".runs (started_at, run_id) WHERE finished_at IS NULL",
        "CREATE TABLE " + s + ".steps (run_id TEXT NOT NULL, name TEXT NOT NULL, step_key TEXT NOT NULL,"
            + " seq BIGINT NOT NULL, fingerprint BYTEA NOT NULL, result BYTEA, PRIMARY KEY (run_id, name, step_key))",
        "CREATE UNIQUE INDEX steps_seq ON " + s + ".steps (run_id, seq)",
        "CREATE TABLE " + s + ".leases (run_id TEXT PRIMARY KEY, owner TEXT NOT NULL, holder TEXT NOT NULL,"
            + " epoch BIGINT NOT NULL, expires_at TIMESTAMPTZ NOT NULL, released BOOLEAN NOT NULL DEFAULT false,"
            + " taken_over BOOLEAN NOT NULL DEFAULT false)");
  }

  /**
   * The statements that take a schema from version {@code from} to the next, in order. Version 1 counted a run
   * dead once its recovery attempts were spent; version 2 marks it dead at the attempt after them, and tells a
   * released lease from an expired one, so that an entry call that takes an expired lease over counts as an
   * attempt too. Runs of version 1 need no conversion: one whose attempts are spent is marked dead at its next.
   */
  static List<String> upgrade(String s, int from) {
    if (from == 1) {
      return List.of(
          "ALTER TABLE " + s + ".runs ADD COLUMN dead_at BIGINT",
          "ALTER TABLE " + s + ".leases ADD COLUMN released BOOLEAN NOT NULL DEFAULT false",
          "ALTER TABLE " + s + ".leases ADD COLUMN taken_over BOOLEAN NOT NULL DEFAULT false");
    }
    throw new IllegalArgumentException("no upgrade from version " + from);
  }

  /**
   * Creates the schema and its tables, or migrates an older version of them to {@link #VERSION}, in one
   * transaction.
   *
   * @throws IllegalStateException if the schema has a version newer than {@link #VERSION}, or several
   */
  static void migrate(Connection connection, String schema) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      statement.execute("SELECT pg_advisory_xact_lock(hashtext('dev.chainmail.checkpoint:" + schema + "'))");
      statement.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
      statement.execute("CREATE TABLE IF NOT EXISTS " + schema + ".schema_version (version INT NOT NULL)");
      List<Integer> versions = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery("SELECT version FROM " + schema + ".schema_version")) {
        while (rs.next()) {
          versions.add(rs.getInt(1));
        }
      }
      if (versions.isEmpty()) {
        for (String create : create(schema)) {
          statement.execute(create);
        }
        statement.execute("INSERT INTO " + schema + ".schema_version (version) VALUES (" + VERSION + ")");
      } else if (versions.size() == 1 && versions.get(0) >= 1 && versions.get(0) < VERSION) {
        for (int version = versions.get(0); version < VERSION; version++) {
          for (String step : upgrade(schema, version)) {
            statement.execute(step);
          }
        }
        statement.execute("UPDATE " + schema + ".schema_version SET version = " + VERSION);
      } else if (versions.size() != 1 || versions.get(0) != VERSION) {
        throw new IllegalStateException("the checkpoint schema '" + schema + "' has version "
            + (versions.size() == 1 ? versions.get(0) : "rows " + versions) + ", and this Chainmail runtime knows"
            + " versions 1 to " + VERSION + " only, so it does not use it: use the Chainmail version that wrote"
            + " it, or give this one another schema with PostgresOptions.builder().schema(...)");
      }
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }
}
