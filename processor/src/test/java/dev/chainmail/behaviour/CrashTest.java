package dev.chainmail.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chainmail.runtime.checkpoint.CheckpointStore;
import dev.chainmail.runtime.checkpoint.CheckpointStores;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The crash tests on SQLite: a file per test, whose claims the OS releases when their process dies. */
class CrashTest extends CrashTests {

  @Override
  String database(String name) {
    return folder.resolve(name + ".db").toString();
  }

  @Override
  CheckpointStore open(String database) {
    return CheckpointStores.sqlite(Path.of(database));
  }

  @Override
  void claimAfterKill(String database, CheckpointStore store, String runId) {
    store.claim(runId).close();
  }

  @Override
  void assertIntact(String database) {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("PRAGMA integrity_check")) {
      List<String> problems = new ArrayList<>();
      while (rs.next()) {
        problems.add(rs.getString(1));
      }
      assertEquals(List.of("ok"), problems, "integrity_check of " + database);
    } catch (SQLException e) {
      throw new AssertionError("cannot check " + database, e);
    }
  }
}
