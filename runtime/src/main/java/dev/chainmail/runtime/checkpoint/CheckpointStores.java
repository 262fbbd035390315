package dev.chainmail.runtime.checkpoint;

import dev.chainmail.runtime.internal.checkpoint.InMemoryCheckpointStore;
import dev.chainmail.runtime.internal.checkpoint.PostgresStore;
import dev.chainmail.runtime.internal.checkpoint.SqliteCheckpointStore;
import java.nio.file.Path;
import javax.sql.DataSource;
import java.time.InstantSource;

/**
 * The checkpoint stores that Chainmail ships. This class is thread-safe.
 */
public final class CheckpointStores {

  private CheckpointStores() {}

  /**
   * Returns a new, empty store in memory, for tests. It has the semantics of the SQLite store, exclusive claims
   * across threads included, and keeps nothing past the process.
   *
   * @return the store; thread-safe
   */
  public static CheckpointStore inMemory() {
    return new InMemoryCheckpointStore(InstantSource.system());
  }

  /**
   * Opens the SQLite store on a file, creating the file and its tables if need be. The application adds the
   * {@code org.xerial:sqlite-jdbc} driver to its dependencies; the runtime reaches it through {@code java.sql}.
   *
   * <p>The file is in WAL mode with {@code synchronous=FULL}: a step's record is on disk when its commit returns.
   * Claims are OS locks on a sidecar file, the same name with {@code .claims} appended, which the OS releases when
   * their process dies. Several stores may share a file, in one process or several. Close the store when done.
   *
   * @param file the database file, such as {@code Path.of("runs.db")}; its directory must exist
   * @return the store; thread-safe
   * @throws NullPointerException if {@code file} is null
   * @throws IllegalStateException if the SQLite driver is not on the class path, the file cannot be opened or is
   *     not an SQLite database, or its checkpoint schema has a version this runtime does not know
   */
  public static CheckpointStore sqlite(Path file) {
    if (file == null) {
      throw new NullPointerException("file");
    }
    return SqliteCheckpointStore.open(file, InstantSource.system());
  }

  /**
   * Opens the PostgreSQL store, which workers on several machines share, with the default {@link PostgresOptions}:
   * a 30 s lease, schema {@code chainmail}, 100 recovery attempts. See
   * {@link #postgres(DataSource, PostgresOptions)}.
   *
   * @param dataSource where connections come from, such as a HikariCP pool
   * @return the store; thread-safe
   */
  public static PostgresCheckpointStore postgres(DataSource dataSource) {
    return postgres(dataSource, PostgresOptions.builder().build());
  }

  /**
   * Opens the PostgreSQL store, which workers on several machines share. The application adds the driver
   * ({@code org.postgresql:postgresql}) and the pool; the runtime reaches them through {@code java.sql}. The store
   * creates its tables in its own schema, never in {@code public}, or checks their version, once even when several
   * workers start at once. A worker executes a run only while it holds the run's lease: taken when the entry is
   * called, renewed while the run executes, released when the entry returns or throws, and decided by the
   * database's clock. Every write checks the lease's epoch in the same statement, so that a worker that stalled
   * past its lease and was taken over cannot commit: its write fails with {@link CheckpointFencedException}. Close
   * the store when done; it does not close the data source.
   *
   * @param dataSource where connections come from
   * @param options the lease, schema and recovery settings
   * @return the store; thread-safe
   * @throws NullPointerException if an argument is null
   * @throws IllegalStateException if the database cannot be reached, or the schema has a version this runtime
   *     does not know
   */
  public static PostgresCheckpointStore postgres(DataSource dataSource, PostgresOptions options) {
    return PostgresStore.open(dataSource, options, InstantSource.system());
  }
}
