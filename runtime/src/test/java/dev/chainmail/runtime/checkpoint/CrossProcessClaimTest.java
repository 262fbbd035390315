package dev.chainmail.runtime.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Claims between processes: a child JVM holds a run, and dies. */
@Timeout(60)
class CrossProcessClaimTest {

  @TempDir
  Path directory;

  private final List<Process> children = new ArrayList<>();

  @AfterEach
  void killChildren() throws InterruptedException {
    for (Process child : children) {
      child.destroyForcibly();
      child.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private Process start(String classPath, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(classPath);
    command.add(ClaimChild.class.getName());
    command.addAll(List.of(args));
    Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    children.add(child);
    return child;
  }

  private static String firstLine(Process child) throws IOException {
    BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    assertNotNull(line, "the child printed nothing");
    return line;
  }

  private Path db() {
    return directory.resolve("runs.db");
  }

  @Test
  void aRunHeldByAnotherProcessIsRefusedAndFreedTheMomentThatProcessIsKilled() throws Exception {
    CheckpointStores.sqlite(db()).close();
    Process holder = start(System.getProperty("java.class.path"), "hold", db().toString(), "report-1");
    assertEquals("claimed report-1", firstLine(holder));
    try (CheckpointStore store = CheckpointStores.sqlite(db())) {
      long before = System.nanoTime();
      CheckpointClaimedException e = assertThrows(CheckpointClaimedException.class, () -> store.claim("report-1"));
      assertTrue(System.nanoTime() - before < TimeUnit.SECONDS.toNanos(2), "the refusal waited");
      assertEquals("report-1", e.runId());
      try (RunClaim other = store.claim("report-2")) {
        assertEquals("report-2", other.runId());
      }

      holder.destroyForcibly();
      assertTrue(holder.waitFor(10, TimeUnit.SECONDS));
      try (RunClaim claim = store.claim("report-1")) {
        assertEquals("report-1", claim.runId());
      }
    }
  }

  @Test
  void anotherProcessIsRefusedWhileThisOneHoldsTheRunEvenAfterClosingAnotherStoreOnTheFile() throws Exception {
    try (CheckpointStore holder = CheckpointStores.sqlite(db())) {
      CheckpointStore other = CheckpointStores.sqlite(db());
      try (RunClaim claim = holder.claim("report-1")) {
        // POSIX drops every lock of a process on a file when any of its descriptors of it closes.
        other.close();
        assertEquals("refused report-1", firstLine(start(System.getProperty("java.class.path"), "try",
            db().toString(), claim.runId())));
      }
      assertEquals("claimed report-1", firstLine(start(System.getProperty("java.class.path"), "try",
          db().toString(), "report-1")));
    }
  }

  @Test
  void withoutTheDriverTheStoreSaysWhichDependencyToAdd() throws Exception {
    String classPath = location(ClaimChild.class) + File.pathSeparator + location(CheckpointStores.class);
    String line = firstLine(start(classPath, "open", db().toString()));
    assertTrue(line.startsWith(IllegalStateException.class.getName()), line);
    assertTrue(line.contains("add org.xerial:sqlite-jdbc to the application's dependencies"), line);
  }

  private static String location(Class<?> type) throws URISyntaxException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }
}
