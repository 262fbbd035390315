package dev.chainmail.runtime.internal.checkpoint;

import dev.chainmail.runtime.checkpoint.CheckpointClaimedException;
import dev.chainmail.runtime.checkpoint.CheckpointDeadException;
import dev.chainmail.runtime.checkpoint.PostgresCheckpointStore;
import dev.chainmail.runtime.checkpoint.PostgresOptions;
import dev.chainmail.runtime.checkpoint.RunClaim;
import dev.chainmail.runtime.checkpoint.RunRecord;
import dev.chainmail.runtime.checkpoint.StepRecord;
import dev.chainmail.runtime.checkpoint.StepRow;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * The PostgreSQL checkpoint store: runs shared by workers on several machines, each executed only under its lease.
 * Each operation takes a connection from the application's {@link DataSource} and gives it back, so that a pool,
 * PgBouncer in transaction mode included, serves it; no session state is used. A daemon thread renews the leases of
 * the claims this store holds every third of the lease. This class is thread-safe.
 */
public final class PostgresStore implements PostgresCheckpointStore {

  /** Runs purged per statement, so that a purge never holds long locks. */
  static final int PURGE_BATCH = 500;

  final DataSource dataSource;
  /** The worker's clock, for the times a run started and finished; leases use the database's. */
  final InstantSource clock;
  final String schema;
  /** The statements of its claims' writes. */
  final PostgresClaimSql sql;
  final long leaseMillis;
  private final int maxRecoveryAttempts;
  /** Who this process is, for messages: host name and process id. */
  final String holder;
  private final ScheduledExecutorService renewals;
  private final Set<PostgresRunClaim> open = ConcurrentHashMap.newKeySet();
  /** Runs that {@link #claimUnfinished} leased to this store, by run id: their epoch and owner, until claimed. */
  private final Map<String, PostgresRunClaim.Lease> recovered = new ConcurrentHashMap<>();
  private volatile boolean closed;

  private PostgresStore(DataSource dataSource, PostgresOptions options, InstantSource clock) {
    this.dataSource = dataSource;
    this.clock = clock;
    this.schema = options.schema();
    this.sql = new PostgresClaimSql(schema);
    this.leaseMillis = options.lease().toMillis();
    this.maxRecoveryAttempts = options.maxRecoveryAttempts();
    this.holder = hostName() + " (pid " + ProcessHandle.current().pid() + ")";
    this.renewals = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "chainmail-lease-renewal");
      thread.setDaemon(true);
      return thread;
    });
  }

  /**
   * Opens the store, creating or checking its schema.
   *
   * @throws IllegalStateException if the database cannot be reached or its schema has another version
   */
  public static PostgresStore open(DataSource dataSource, PostgresOptions options, InstantSource clock) {
    Objects.requireNonNull(dataSource, "dataSource");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(clock, "clock");
    try (Connection connection = dataSource.getConnection()) {
      PostgresSchema.migrate(connection, options.schema());
    } catch (SQLException e) {
      throw new IllegalStateException("cannot open the PostgreSQL checkpoint store in schema '" + options.schema()
          + "': " + e.getMessage() + "; check the DataSource's URL, user and rights (CREATE on the database)", e);
    }
    PostgresStore store = new PostgresStore(dataSource, options, clock);
    long every = Math.max(1, store.leaseMillis / 3);
    store.renewals.scheduleWithFixedDelay(store::renewAll, every, every, TimeUnit.MILLISECONDS);
    return store;
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "an unknown host";
    }
  }

  String table(String name) {
    return schema + "." + name;
  }

  @Override
  public RunClaim claim(String runId) {
    checkRunId(runId);
    checkOpen();
    PostgresRunClaim.Lease lease = recovered.remove(runId);
    try (Connection connection = dataSource.getConnection()) {
      if (lease == null) {
        TakenLease taken = takeLease(connection, runId);
        lease = taken.lease();
        if (taken.takenOver()) {
          countTakeover(connection, runId);
        }
      }
      StoredRun stored = readRun(connection, runId);
      if (stored.dead()) {
        release(connection, runId, lease);
        throw new CheckpointDeadException(runId, maxRecoveryAttempts);
      }
      List<StepRow> rows = new ArrayList<>();
      try (PreparedStatement select = connection.prepareStatement("SELECT name, step_key, seq, fingerprint, result"
          + " FROM " + table("steps") + " WHERE run_id = ? ORDER BY seq")) {
        select.setString(1, runId);
        try (ResultSet rs = select.executeQuery()) {
          while (rs.next()) {
            rows.add(new StepRow(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getBytes(4), rs.getBytes(5)));
          }
        }
      }
      PostgresRunClaim claim = new PostgresRunClaim(this, runId, lease, stored.record(), List.copyOf(rows));
      open.add(claim);
      return claim;
    } catch (SQLException e) {
      throw failure("claim run '" + runId + "'", e);
    }
  }

  /**
   * Counts an entry call's takeover of an unfinished run as a recovery attempt, or, when its attempts are spent,
   * marks the run dead instead. A run not recorded yet (its first execution died before recording it) has no
   * attempts to count. The caller holds the run's lease, so that no other worker counts at once.
   */
  private void countTakeover(Connection connection, String runId) throws SQLException {
    try (PreparedStatement count = connection.prepareStatement("UPDATE " + table("runs")
        + " SET recoveries = recoveries + CASE WHEN recoveries < ? THEN 1 ELSE 0 END,"
        + " dead_at = CASE WHEN recoveries >= ? THEN ? END"
        + " WHERE run_id = ? AND finished_at IS NULL AND dead_at IS NULL")) {
      count.setInt(1, maxRecoveryAttempts);
      count.setInt(2, maxRecoveryAttempts);
      count.setLong(3, clock.millis());
      count.setString(4, runId);
      count.executeUpdate();
    }
  }

  /**
   * The conflict clause of a lease's upsert: a lease row that exists is taken only once it has expired, by the
   * database's clock, with the next epoch, the inserted row's expiry and released flag, and a note of whether its
   * last holder never released it.
   */
  private String takeOver() {
    String leases = table("leases");
    return " ON CONFLICT (run_id) DO UPDATE SET owner = excluded.owner, holder = excluded.holder,"
        + " epoch = " + leases + ".epoch + 1, expires_at = excluded.expires_at, released = excluded.released,"
        + " taken_over = NOT " + leases + ".released WHERE " + leases + ".expires_at <= now()";
  }

  /** A lease just taken, and whether it was taken over from a holder that never released it. */
  private record TakenLease(PostgresRunClaim.Lease lease, boolean takenOver) {}

  /**
   * Takes a run's lease, if no live lease holds it: a new lease at epoch 1, or the next epoch of an expired or
   * released one.
   *
   * @throws CheckpointClaimedException if a live lease holds it
   */
  private TakenLease takeLease(Connection connection, String runId) throws SQLException {
    String owner = UUID.randomUUID().toString();
    String leases = table("leases");
    try (PreparedStatement take = connection.prepareStatement("INSERT INTO " + leases
        + " (run_id, owner, holder, epoch, expires_at) VALUES (?, ?, ?, 1, now() + ? * interval '1 millisecond')"
        + takeOver() + " RETURNING epoch, taken_over")) {
      take.setString(1, runId);
      take.setString(2, owner);
      take.setString(3, holder);
      take.setLong(4, leaseMillis);
      try (ResultSet rs = take.executeQuery()) {
        if (rs.next()) {
          return new TakenLease(new PostgresRunClaim.Lease(owner, rs.getLong(1)), rs.getBoolean(2));
        }
      }
    }
    try (PreparedStatement who = connection.prepareStatement("SELECT holder,"
        + " greatest(0, extract(epoch FROM expires_at - now()) * 1000)::bigint FROM " + table("leases")
        + " WHERE run_id = ?")) {
      who.setString(1, runId);
      try (ResultSet rs = who.executeQuery()) {
        if (rs.next()) {
          throw CheckpointClaimedException.leased(runId, rs.getString(1), rs.getLong(2) + " ms");
        }
      }
    }
    // Released between the two statements: try again.
    return takeLease(connection, runId);
  }

  /** A run as stored: its record, if it has one, and whether recovery gave up on it. */
  private record StoredRun(Optional<RunRecord> record, boolean dead) {}

  private StoredRun readRun(Connection connection, String runId) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("SELECT entry, arguments, result,"
        + " dead_at IS NOT NULL FROM " + table("runs") + " WHERE run_id = ?")) {
      select.setString(1, runId);
      try (ResultSet rs = select.executeQuery()) {
        if (!rs.next()) {
          return new StoredRun(Optional.empty(), false);
        }
        return new StoredRun(Optional.of(new RunRecord(runId, rs.getString(1), rs.getBytes(2), rs.getBytes(3))),
            rs.getBoolean(4));
      }
    }
  }

  @Override
  public Optional<RunRecord> run(String runId) {
    checkRunId(runId);
    checkOpen();
    try (Connection connection = dataSource.getConnection()) {
      return readRun(connection, runId).record();
    } catch (SQLException e) {
      throw failure("read run '" + runId + "'", e);
    }
  }

  @Override
  public List<String> unfinishedRuns() {
    return ids("list the unfinished runs", "SELECT run_id FROM " + table("runs")
        + " WHERE finished_at IS NULL AND dead_at IS NULL ORDER BY started_at, run_id");
  }

  @Override
  public List<String> deadRuns() {
    return ids("list the dead runs", "SELECT run_id FROM " + table("runs")
        + " WHERE finished_at IS NULL AND dead_at IS NOT NULL ORDER BY started_at, run_id");
  }

  private List<String> ids(String what, String sql) {
    checkOpen();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql)) {
      List<String> ids = new ArrayList<>();
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
      return List.copyOf(ids);
    } catch (SQLException e) {
      throw failure(what, e);
    }
  }

  @Override
  public List<StepRecord> steps(String runId) {
    checkRunId(runId);
    checkOpen();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement("SELECT name, step_key, result IS NOT NULL FROM "
            + table("steps") + " WHERE run_id = ? ORDER BY seq")) {
      select.setString(1, runId);
      List<StepRecord> steps = new ArrayList<>();
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          steps.add(new StepRecord(rs.getString(1), rs.getString(2), rs.getBoolean(3)));
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
    checkOpen();
    try (Connection connection = dataSource.getConnection()) {
      PostgresRunClaim.Lease lease = takeLease(connection, runId).lease();
      // The lease row stays, released, so that the id's next run starts at a later epoch than any zombie's.
      connection.setAutoCommit(false);
      try (PreparedStatement steps = connection.prepareStatement("DELETE FROM " + table("steps")
              + " WHERE run_id = ?");
          PreparedStatement runs = connection.prepareStatement("DELETE FROM " + table("runs") + " WHERE run_id = ?");
          PreparedStatement release = releaseStatement(connection)) {
        steps.setString(1, runId);
        steps.executeUpdate();
        runs.setString(1, runId);
        int deleted = runs.executeUpdate();
        bindRelease(release, runId, lease);
        release.executeUpdate();
        connection.commit();
        return deleted > 0;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw failure("delete run '" + runId + "'", e);
    }
  }

  @Override
  public int purgeFinishedBefore(Instant instant) {
    Objects.requireNonNull(instant, "instant");
    checkOpen();
    String doomed = "SELECT run_id FROM " + table("runs") + " WHERE finished_at < ? ORDER BY finished_at LIMIT "
        + PURGE_BATCH;
    String purge = "WITH doomed AS (" + doomed + "), steps AS (DELETE FROM " + table("steps")
        + " WHERE run_id IN (SELECT run_id FROM doomed)), leases AS (DELETE FROM " + table("leases")
        + " WHERE run_id IN (SELECT run_id FROM doomed) AND expires_at <= now())"
        + " DELETE FROM " + table("runs") + " WHERE run_id IN (SELECT run_id FROM doomed)";
    int total = 0;
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(purge)) {
      while (true) {
        statement.setLong(1, instant.toEpochMilli());
        int deleted = statement.executeUpdate();
        total += deleted;
        if (deleted < PURGE_BATCH) {
          return total;
        }
      }
    } catch (SQLException e) {
      throw failure("purge the runs finished before " + instant, e);
    }
  }

  @Override
  public List<String> claimUnfinished(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be at least 1, was " + max);
    }
    checkOpen();
    String owner = UUID.randomUUID().toString();
    String leases = table("leases");
    // The pick skips runs that another worker is picking (SKIP LOCKED). A run that one finished picking while this
    // statement ran is picked on a stale view of the leases, but its live lease then keeps it from being leased
    // here: such a pick is counted, and the statement is run again for the runs still wanted, on a fresh view. A
    // pick whose attempts are spent is leased as released at once, and so marked dead by the worker that took it
    // from its last holder, never while a live holder executes it.
    String sql = "WITH picked AS (SELECT r.run_id, r.recoveries FROM " + table("runs") + " r LEFT JOIN " + leases
        + " l ON l.run_id = r.run_id WHERE r.finished_at IS NULL AND r.dead_at IS NULL"
        + " AND (l.run_id IS NULL OR l.expires_at <= now()) ORDER BY r.started_at, r.run_id LIMIT ?"
        + " FOR UPDATE OF r SKIP LOCKED),"
        + " leased AS (INSERT INTO " + leases + " (run_id, owner, holder, epoch, expires_at, released)"
        + " SELECT run_id, ?, ?, 1, CASE WHEN recoveries < ? THEN now() + ? * interval '1 millisecond'"
        + " ELSE now() END, recoveries >= ? FROM picked"
        + takeOver() + " RETURNING run_id, epoch, released),"
        + " counted AS (UPDATE " + table("runs") + " SET recoveries = recoveries + 1"
        + " WHERE run_id IN (SELECT run_id FROM leased WHERE NOT released)),"
        + " doomed AS (UPDATE " + table("runs") + " SET dead_at = ?"
        + " WHERE run_id IN (SELECT run_id FROM leased WHERE released))"
        + " SELECT run_id, epoch, released FROM leased UNION ALL SELECT NULL, count(*), false FROM picked";
    List<String> ids = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int round = 0; round < 10 && ids.size() < max; round++) {
        statement.setInt(1, max - ids.size());
        statement.setString(2, owner);
        statement.setString(3, holder);
        statement.setInt(4, maxRecoveryAttempts);
        statement.setLong(5, leaseMillis);
        statement.setInt(6, maxRecoveryAttempts);
        statement.setLong(7, clock.millis());
        long picked = 0;
        int leased = 0;
        try (ResultSet rs = statement.executeQuery()) {
          while (rs.next()) {
            if (rs.getString(1) == null) {
              picked = rs.getLong(2);
            } else if (!rs.getBoolean(3)) {
              recovered.put(rs.getString(1), new PostgresRunClaim.Lease(owner, rs.getLong(2)));
              ids.add(rs.getString(1));
              leased++;
            }
          }
        }
        // Every pick leased: the runs wanted are here, or there are no more. A pick lost to a race, or marked
        // dead, leaves room for another.
        if (picked == leased) {
          break;
        }
      }
      return List.copyOf(ids);
    } catch (SQLException e) {
      throw failure("claim unfinished runs", e);
    }
  }

  PreparedStatement releaseStatement(Connection connection) throws SQLException {
    return connection.prepareStatement("UPDATE " + table("leases") + " SET expires_at = now(), released = true"
        + " WHERE run_id = ? AND epoch = ? AND owner = ?");
  }

  private void release(Connection connection, String runId, PostgresRunClaim.Lease lease) throws SQLException {
    try (PreparedStatement release = releaseStatement(connection)) {
      bindRelease(release, runId, lease);
      release.executeUpdate();
    }
  }

  static void bindRelease(PreparedStatement release, String runId, PostgresRunClaim.Lease lease)
      throws SQLException {
    release.setString(1, runId);
    release.setLong(2, lease.epoch());
    release.setString(3, lease.owner());
  }

  /** Renews the lease of every claim this store holds, and of every run it recovered and has not claimed yet. */
  private void renewAll() {
    if (closed) {
      return;
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement renew = connection.prepareStatement("UPDATE " + table("leases")
            + " SET expires_at = now() + ? * interval '1 millisecond' WHERE run_id = ? AND epoch = ? AND owner = ?")) {
      for (PostgresRunClaim claim : open) {
        if (!renew(renew, claim.runId(), claim.lease())) {
          claim.lost();
        }
      }
      for (Map.Entry<String, PostgresRunClaim.Lease> run : recovered.entrySet()) {
        if (!renew(renew, run.getKey(), run.getValue())) {
          recovered.remove(run.getKey());
        }
      }
    } catch (SQLException | RuntimeException e) {
      // The next renewal tries again; a lease that expires meanwhile is fenced, so nothing unsafe can follow.
    }
  }

  private boolean renew(PreparedStatement renew, String runId, PostgresRunClaim.Lease lease) throws SQLException {
    renew.setLong(1, leaseMillis);
    renew.setString(2, runId);
    renew.setLong(3, lease.epoch());
    renew.setString(4, lease.owner());
    return renew.executeUpdate() == 1;
  }

  void forget(PostgresRunClaim claim) {
    open.remove(claim);
  }

  boolean closed() {
    return closed;
  }

  void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the PostgreSQL checkpoint store in schema '" + schema + "' is closed");
    }
  }

  private static void checkRunId(String runId) {
    Objects.requireNonNull(runId, "runId");
  }

  IllegalStateException failure(String what, SQLException e) {
    return new IllegalStateException("the PostgreSQL checkpoint store in schema '" + schema + "' could not " + what
        + ": " + e.getMessage(), e);
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    renewals.shutdownNow();
    for (PostgresRunClaim claim : open) {
      claim.close();
    }
    recovered.clear();
  }
}
