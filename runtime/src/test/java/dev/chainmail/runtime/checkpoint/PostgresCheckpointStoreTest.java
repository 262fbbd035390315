package dev.chainmail.runtime.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainmail.runtime.ChainmailContext;
import dev.chainmail.runtime.internal.checkpoint.PostgresStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the PostgreSQL store adds to the contract: leases, fencing, recovery, migration, purging in batches. */
class PostgresCheckpointStoreTest {

  private static final byte[] FP = new byte[16];

  @TempDir
  Path directory;

  private final List<CheckpointStore> stores = new ArrayList<>();

  @AfterEach
  void close() {
    stores.forEach(CheckpointStore::close);
  }

  private PostgresStore open() {
    PostgresStore store = TestPostgres.open(directory, InstantSource.system());
    stores.add(store);
    return store;
  }

  private String schema() {
    return TestPostgres.schema(directory);
  }

  private void sql(String statement) throws SQLException {
    try (Connection connection = TestPostgres.dataSource().getConnection();
        Statement s = connection.createStatement()) {
      s.execute(statement);
    }
  }

  private long count(String query) throws SQLException {
    try (Connection connection = TestPostgres.dataSource().getConnection();
        Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery(query)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void theTablesLiveInTheirOwnSchemaWithItsVersion() throws SQLException {
    open();
    assertEquals(2, count("SELECT version FROM " + schema() + ".schema_version"));
    assertEquals(0, count("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
        + " AND table_name IN ('runs', 'steps', 'leases')"));
  }

  /** Opens six stores on the schema at once, as workers starting together would, and returns one. */
  private PostgresStore openSixAtOnce() throws Exception {
    ExecutorService workers = Executors.newFixedThreadPool(6);
    try {
      List<Future<PostgresStore>> started = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        started.add(workers.submit(this::open));
      }
      for (Future<PostgresStore> store : started) {
        store.get();
      }
      return started.get(0).get();
    } finally {
      workers.shutdown();
    }
  }

  @Test
  void workersStartingAtOnceMigrateOnceAndStartAgainOnTheMigratedSchema() throws Exception {
    openSixAtOnce();
    assertEquals(1, count("SELECT count(*) FROM " + schema() + ".schema_version"));
    try (RunClaim claim = open().claim("r1")) {
      claim.insertRun("com.example.Chain/run", new byte[] {1});
    }
    openSixAtOnce();
    assertEquals(1, count("SELECT count(*) FROM " + schema() + ".schema_version"));
    assertEquals(List.of("r1"), open().unfinishedRuns());
  }

  @Test
  void aSchemaOfVersionOneIsMigratedWithItsRunsByWorkersStartingAtOnce() throws Exception {
    // Version 1 as its runtime created it: no dead_at, no released or taken_over.
    sql("CREATE SCHEMA " + schema());
    sql("CREATE TABLE " + schema() + ".schema_version (version INT NOT NULL)");
    sql("INSERT INTO " + schema() + ".schema_version VALUES (1)");
    sql("CREATE TABLE " + schema() + ".runs (run_id TEXT PRIMARY KEY, entry TEXT NOT NULL, arguments BYTEA NOT"
        + " NULL, result BYTEA, started_at BIGINT NOT NULL, finished_at BIGINT, recoveries INT NOT NULL DEFAULT 0)");
    sql("CREATE INDEX runs_finished_at ON " + schema() + ".runs (finished_at)");
    sql("CREATE INDEX runs_unfinished ON " + schema() + ".runs (started_at, run_id) WHERE finished_at IS NULL");
    sql("CREATE TABLE " + schema() + ".steps (run_id TEXT NOT NULL, name TEXT NOT NULL, step_key TEXT NOT NULL,"
        + " seq BIGINT NOT NULL, fingerprint BYTEA NOT NULL, result BYTEA, PRIMARY KEY (run_id, name, step_key))");
    sql("CREATE UNIQUE INDEX steps_seq ON " + schema() + ".steps (run_id, seq)");
    sql("CREATE TABLE " + schema() + ".leases (run_id TEXT PRIMARY KEY, owner TEXT NOT NULL, holder TEXT NOT NULL,"
        + " epoch BIGINT NOT NULL, expires_at TIMESTAMPTZ NOT NULL)");
    sql("INSERT INTO " + schema() + ".runs (run_id, entry, arguments, started_at) VALUES ('old', 'e', '\\x01', 1)");
    sql("INSERT INTO " + schema() + ".leases VALUES ('old', 'o', 'h', 3, now() - interval '1 second')");

    PostgresStore store = openSixAtOnce();
    assertEquals(2, count("SELECT version FROM " + schema() + ".schema_version"));
    assertEquals(List.of("old"), store.unfinishedRuns());
    assertEquals(List.of("old"), store.claimUnfinished(5));
    try (RunClaim claim = store.claim("old")) {
      assertEquals("e", claim.run().orElseThrow().entry());
      claim.finishRun(new byte[] {2});
    }
    assertEquals(List.of(), store.unfinishedRuns());
    assertEquals(4, count("SELECT epoch FROM " + schema() + ".leases WHERE run_id = 'old'"));
  }

  @Test
  void anotherVersionIsRefused() throws SQLException {
    open();
    sql("UPDATE " + schema() + ".schema_version SET version = 7");
    IllegalStateException refused = assertThrows(IllegalStateException.class, this::open);
    assertTrue(refused.getMessage().contains("has version 7"), refused.getMessage());
  }

  @Test
  void aRunLeasedElsewhereIsRefusedNamingItsHolder() {
    PostgresStore first = open();
    PostgresStore second = open();
    try (RunClaim claim = first.claim("r1")) {
      assertEquals("r1", claim.runId());
      CheckpointClaimedException refused = assertThrows(CheckpointClaimedException.class, () -> second.claim("r1"));
      assertTrue(refused.getMessage().contains("(pid " + ProcessHandle.current().pid() + ")"),
          refused.getMessage());
    }
    second.claim("r1").close();
  }

  @Test
  void aWorkerTakenOverAfterItsLeaseExpiredCannotCommit() throws SQLException {
    PostgresStore zombie = open();
    PostgresStore successor = open();
    RunClaim stalled = zombie.claim("r1");
    stalled.insertRun("com.example.Chain/run", new byte[] {1});
    // As if the zombie had stalled past its lease: the lease expires, and the successor takes the run over.
    sql("UPDATE " + schema() + ".leases SET expires_at = now() - interval '1 second'");
    try (RunClaim takenOver = successor.claim("r1")) {
      assertTrue(takenOver.run().isPresent(), "the successor loads what the zombie recorded before");
      CheckpointFencedException fenced = assertThrows(CheckpointFencedException.class,
          () -> stalled.commitStep("search", "0", 1, FP, new byte[] {2}));
      assertEquals("r1", fenced.runId());
      assertTrue(fenced.getMessage().contains("epoch 1 is stale; the run is at epoch 2"), fenced.getMessage());
      assertThrows(CheckpointFencedException.class, () -> stalled.finishRun(new byte[] {3}));
      takenOver.commitStep("search", "0", 1, FP, new byte[] {4});
      takenOver.finishRun(new byte[] {5});
    }
    stalled.close();
    assertEquals(1, count("SELECT count(*) FROM " + schema() + ".steps"), "nothing was recorded twice");
    assertEquals(List.of(new StepRecord("search", "0", true)), successor.steps("r1"));
  }

  @Test
  void aClaimHeldLongerThanItsLeaseIsRenewedAndStaysExclusive() throws Exception {
    PostgresStore holder = TestPostgres.open(directory, InstantSource.system(), Duration.ofSeconds(1));
    stores.add(holder);
    PostgresStore other = open();
    try (RunClaim claim = holder.claim("r1")) {
      claim.insertRun("com.example.Chain/run", new byte[] {1});
      // Real time, past two lease periods: only renewals every third of the lease keep it.
      Thread.sleep(2_500);
      assertThrows(CheckpointClaimedException.class, () -> other.claim("r1"));
      claim.commitStep("search", "0", 1, FP, new byte[] {2});
    }
    other.claim("r1").close();
  }

  @Test
  void theFirstWriterWinsAndASecondIsRefusedIfItDiffers() {
    PostgresStore store = open();
    try (RunClaim claim = store.claim("r1")) {
      claim.insertRun("com.example.Chain/run", new byte[] {1});
      claim.commitStep("search", "0", 1, FP, new byte[] {2});
      claim.commitStep("search", "0", 1, FP, new byte[] {2});
      assertThrows(IllegalStateException.class, () -> claim.commitStep("search", "0", 1, FP, new byte[] {9}));
    }
  }

  @Test
  void aCommitThatMeetsAMarkerItDidNotKnowOfReplacesIt() throws SQLException {
    PostgresStore store = open();
    try (RunClaim claim = store.claim("r1")) {
      claim.insertRun("com.example.Chain/run", new byte[] {1});
      // A marker written behind the claim's back: the plain insert meets it, and the upsert replaces it.
      sql("INSERT INTO " + schema() + ".steps (run_id, name, step_key, seq, fingerprint) VALUES ('r1', 'charge',"
          + " '0', 1, '\\x00000000000000000000000000000000')");
      claim.commitStep("charge", "0", 1, FP, new byte[] {7});
    }
    assertEquals(List.of(new StepRecord("charge", "0", true)), store.steps("r1"));
    try (Connection connection = TestPostgres.dataSource().getConnection();
        Statement select = connection.createStatement();
        ResultSet rs = select.executeQuery("SELECT result FROM " + schema() + ".steps WHERE run_id = 'r1'")) {
      assertTrue(rs.next());
      assertEquals(7, rs.getBytes(1)[0]);
      assertFalse(rs.next());
    }
  }

  @Test
  void recoveryHandsEachUnfinishedRunToOneWorkerAndGivesUpOnDeadOnes() throws Exception {
    PostgresStore writer = open();
    for (int i = 0; i < 40; i++) {
      try (RunClaim claim = writer.claim("run-" + i)) {
        claim.insertRun("com.example.Chain/run", new byte[] {1});
      }
    }
    PostgresStore a = open();
    PostgresStore b = open();
    CompletableFuture<List<String>> fromA = CompletableFuture.supplyAsync(() -> a.claimUnfinished(25));
    CompletableFuture<List<String>> fromB = CompletableFuture.supplyAsync(() -> b.claimUnfinished(25));
    Set<String> all = new HashSet<>(fromA.get());
    for (String run : fromB.get()) {
      assertTrue(all.add(run), run + " went to both workers");
    }
    assertEquals(40, all.size());
    assertEquals(List.of(), a.claimUnfinished(10), "every run is leased now");
    String mine = fromA.get().get(0);
    try (RunClaim resumed = a.claim(mine)) {
      resumed.finishRun(new byte[] {2});
    }
    assertThrows(CheckpointClaimedException.class, () -> writer.claim(fromB.get().get(0)),
        "a run recovered by b is b's");

    sql("UPDATE " + schema() + ".leases SET expires_at = now() - interval '1 second'");
    assertFalse(writer.unfinishedRuns().contains(mine));
    PostgresStore picky = PostgresStore.open(TestPostgres.dataSource(), PostgresOptions.builder()
        .schema(schema()).maxRecoveryAttempts(1).build(), InstantSource.system());
    stores.add(picky);
    assertEquals(List.of(), picky.deadRuns(), "a run is dead only once an attempt after its last one comes");
    assertEquals(List.of(), picky.claimUnfinished(50), "each unfinished run was recovered once: its one attempt"
        + " is spent, so this one marks it dead");
    assertEquals(39, picky.deadRuns().size());
    assertEquals(List.of(), picky.unfinishedRuns());
    String dead = picky.deadRuns().get(0);
    CheckpointDeadException refused = assertThrows(CheckpointDeadException.class, () -> picky.claim(dead));
    assertEquals(dead, refused.runId());
    assertTrue(refused.getMessage().contains(dead) && refused.getMessage().contains("deleteRun"),
        refused.getMessage());
    assertTrue(picky.deleteRun(dead));
    picky.claim(dead).close();
  }

  @Test
  void anEntryThatTakesAnExpiredLeaseOverIsARecoveryAttempt() throws SQLException {
    PostgresStore store = PostgresStore.open(TestPostgres.dataSource(), PostgresOptions.builder()
        .schema(schema()).maxRecoveryAttempts(2).build(), InstantSource.system());
    stores.add(store);
    RunClaim holder = store.claim("r1");
    holder.insertRun("com.example.Chain/run", new byte[] {1});
    // Released leases are no takeovers: a caller that returns or throws gives the run back, however often.
    for (int i = 0; i < 5; i++) {
      holder.close();
      holder = store.claim("r1");
    }
    assertEquals(0, count("SELECT recoveries FROM " + schema() + ".runs"));
    for (int takeover = 1; takeover <= 2; takeover++) {
      // The holder dies: its lease is never released, and expires.
      sql("UPDATE " + schema() + ".leases SET expires_at = now() - interval '1 second'");
      holder = store.claim("r1");
      assertEquals(takeover, count("SELECT recoveries FROM " + schema() + ".runs"));
    }
    RunClaim last = holder;
    sql("UPDATE " + schema() + ".leases SET expires_at = now() - interval '1 second'");
    assertThrows(CheckpointDeadException.class, () -> store.claim("r1"), "the third takeover is one too many");
    assertEquals(List.of("r1"), store.deadRuns());
    assertEquals(List.of(), store.unfinishedRuns());
    assertEquals(List.of(), store.claimUnfinished(5));
    assertThrows(CheckpointDeadException.class, () -> store.claim("r1"), "a dead run stays dead");
    RunEntry entry = RunEntry.of("com.example.Chain/run", ChainmailContext.builder().checkpointStore(store).build());
    assertThrows(CheckpointDeadException.class, () -> entry.enter("r1", new byte[] {1}),
        "so does calling its entry");
    assertThrows(CheckpointFencedException.class, () -> last.commitStep("s", "0", 1, FP, new byte[] {1}),
        "its last holder was taken over");
  }

  @Test
  void purgingDeletesInBatchesAndKeepsUnfinishedRuns() throws SQLException {
    PostgresStore store = open();
    sql("INSERT INTO " + schema() + ".runs (run_id, entry, arguments, result, started_at, finished_at)"
        + " SELECT 'old-' || i, 'e', '\\x01', '\\x02', 1000, 2000 FROM generate_series(1, 1234) i");
    try (RunClaim claim = store.claim("open")) {
      claim.insertRun("e", new byte[] {1});
    }
    assertEquals(1234, store.purgeFinishedBefore(Instant.ofEpochMilli(5000)));
    assertEquals(List.of("open"), store.unfinishedRuns());
    assertEquals(1, count("SELECT count(*) FROM " + schema() + ".runs"));
  }

  @Test
  void optionsAreChecked() {
    assertThrows(IllegalArgumentException.class, () -> PostgresOptions.builder().schema("public"));
    assertThrows(IllegalArgumentException.class, () -> PostgresOptions.builder().schema("Bad-Name"));
    assertThrows(IllegalArgumentException.class, () -> PostgresOptions.builder().lease(Duration.ofMillis(10)));
    assertThrows(IllegalArgumentException.class, () -> PostgresOptions.builder().maxRecoveryAttempts(0));
    PostgresOptions defaults = PostgresOptions.builder().build();
    assertEquals(Duration.ofSeconds(30), defaults.lease());
    assertEquals("chainmail", defaults.schema());
    assertEquals(100, defaults.maxRecoveryAttempts());
  }
}
