package dev.chainmail.runtime.checkpoint;

import static dev.chainmail.runtime.checkpoint.TestCodecs.STRING;
import static dev.chainmail.runtime.checkpoint.TestCodecs.arguments;
import static dev.chainmail.runtime.checkpoint.TestCodecs.stepArguments;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainmail.runtime.ChainmailContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the SQLite store does beyond the shared contract: a file that outlives its store objects. */
class SqliteCheckpointStoreTest {

  private static final byte[] FP = new byte[16];

  @TempDir
  Path directory;

  private Path db() {
    return directory.resolve("runs.db");
  }

  @Test
  void recordsSurviveCloseAndReopenAndResumeThroughANewEntry() {
    StepPolicy search = StepPolicy.of("search", false, false);
    try (CheckpointStore store = CheckpointStores.sqlite(db())) {
      RunEntry entry = RunEntry.of("com.example.Chain/run", ChainmailContext.builder().checkpointStore(store).build());
      CheckpointRun run = entry.enter("r1", arguments("topic"));
      try {
        search.begin(run, stepArguments("topic")).commit(STRING, "docs");
      } finally {
        entry.exit(run);
      }
    }
    try (CheckpointStore store = CheckpointStores.sqlite(db())) {
      assertEquals(List.of("r1"), store.unfinishedRuns());
      assertEquals(List.of(new StepRecord("search", "0", true)), store.steps("r1"));
      RunEntry entry = RunEntry.of("com.example.Chain/run", ChainmailContext.builder().checkpointStore(store).build());
      CheckpointRun run = entry.enter("r1", arguments("topic"));
      try {
        StepCall call = search.begin(run, stepArguments("topic"));
        assertTrue(call.done());
        assertEquals("docs", call.decode(STRING));
        entry.finish(run, STRING.encode("report"));
      } finally {
        entry.exit(run);
      }
    }
    try (CheckpointStore store = CheckpointStores.sqlite(db())) {
      assertEquals(List.of(), store.unfinishedRuns());
      assertEquals("report", STRING.decode(store.run("r1").orElseThrow().result()));
    }
  }

  @Test
  void twoStoresOnOneFileShareRecordsAndExcludeEachOthersClaims() {
    try (CheckpointStore first = CheckpointStores.sqlite(db());
        CheckpointStore second = CheckpointStores.sqlite(db())) {
      RunClaim claim = first.claim("r1");
      assertThrows(CheckpointClaimedException.class, () -> second.claim("r1"));
      assertThrows(CheckpointClaimedException.class, () -> second.deleteRun("r1"));
      claim.insertRun("e", arguments());
      claim.commitStep("s", "0", 1, FP, STRING.encode("x"));
      assertEquals(List.of(new StepRecord("s", "0", true)), second.steps("r1"));
      claim.close();
      try (RunClaim again = second.claim("r1")) {
        assertEquals(1, again.stepRows().size());
        assertThrows(CheckpointClaimedException.class, () -> first.claim("r1"));
      }
    }
  }

  @Test
  void closingOneStoreLeavesTheClaimsOfAnotherOnTheSameFile() {
    try (CheckpointStore holder = CheckpointStores.sqlite(db())) {
      try (RunClaim claim = holder.claim("r1")) {
        CheckpointStores.sqlite(db()).close();
        try (CheckpointStore third = CheckpointStores.sqlite(db())) {
          assertThrows(CheckpointClaimedException.class, () -> third.claim("r1"));
        }
        claim.insertRun("e", arguments());
      }
    }
  }

  @Test
  void theFileIsInWalModeWithItsSchemaVersionAndAClaimsFileBesideIt() throws Exception {
    CheckpointStores.sqlite(db()).close();
    assertTrue(Files.exists(directory.resolve("runs.db.claims")));
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db());
        Statement statement = connection.createStatement()) {
      try (ResultSet rs = statement.executeQuery("PRAGMA journal_mode")) {
        assertTrue(rs.next());
        assertEquals("wal", rs.getString(1));
      }
      try (ResultSet rs = statement.executeQuery("SELECT version FROM chainmail_schema")) {
        assertTrue(rs.next());
        assertEquals(1, rs.getInt(1));
        assertTrue(!rs.next());
      }
    }
  }

  @Test
  void aFileWithAnUnknownSchemaVersionIsRefused() throws Exception {
    CheckpointStores.sqlite(db()).close();
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db());
        Statement statement = connection.createStatement()) {
      statement.executeUpdate("UPDATE chainmail_schema SET version = 99");
    }
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> CheckpointStores.sqlite(db()));
    assertTrue(e.getMessage().contains("schema version 99"), e.getMessage());
    assertTrue(e.getMessage().contains("knows version 1"), e.getMessage());
    assertTrue(e.getMessage().contains(db().toString()), e.getMessage());
  }

  @Test
  void aFileThatIsNotAnSqliteDatabaseIsRefused() throws Exception {
    Files.writeString(db(), "this is not a database, only text that is long enough to look like a header");
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> CheckpointStores.sqlite(db()));
    assertTrue(e.getMessage().contains(db().toString()), e.getMessage());
  }

  @Test
  void aMissingDirectoryIsNamed() {
    Path missing = directory.resolve("no such directory").resolve("runs.db");
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> CheckpointStores.sqlite(missing));
    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
  }
}
