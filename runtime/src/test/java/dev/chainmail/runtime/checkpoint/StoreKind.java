package dev.chainmail.runtime.checkpoint;

import dev.chainmail.runtime.internal.checkpoint.InMemoryCheckpointStore;
import dev.chainmail.runtime.internal.checkpoint.SqliteCheckpointStore;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;

/** The stores that the shared tests run against. */
enum StoreKind {
  IN_MEMORY {
    @Override
    CheckpointStore open(Path directory, InstantSource clock) {
      return new InMemoryCheckpointStore(clock);
    }
  },
  SQLITE {
    @Override
    CheckpointStore open(Path directory, InstantSource clock) {
      return SqliteCheckpointStore.open(directory.resolve("runs.db"), clock);
    }
  },
  POSTGRES {
    @Override
    CheckpointStore open(Path directory, InstantSource clock) {
      return TestPostgres.open(directory, clock);
    }
  };

  /** Opens the store of this kind in {@code directory}: the same one each time for SQLite, a new one in memory. */
  abstract CheckpointStore open(Path directory, InstantSource clock);

  CheckpointStore open(Path directory) {
    return open(directory, InstantSource.system());
  }

  /** A clock that moves only when told. */
  static final class ManualClock implements InstantSource {
    private final AtomicLong millis = new AtomicLong(1_000_000);

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis.get());
    }

    @Override
    public long millis() {
      return millis.get();
    }

    void set(long value) {
      millis.set(value);
    }
  }
}
