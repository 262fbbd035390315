package dev.chainmail.samples.durable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo as a user runs it: two launches of a real JVM, the first of which dies halfway. */
class ReportDemoTest {

  @TempDir
  Path folder;

  private record Launch(int exitCode, String output) {}

  private Launch launch(Path file) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), ReportDemo.class.getName(), file.toString())
        .redirectErrorStream(true)
        .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), output);
    return new Launch(process.exitValue(), output);
  }

  @Test
  void theFirstLaunchDiesHalfwayAndTheNextResumes() throws Exception {
    Path file = folder.resolve("runs.db");

    Launch first = launch(file);
    assertEquals(3, first.exitCode(), first.output());
    assertTrue(first.output().contains("executing search"), first.output());
    assertTrue(first.output().contains("executing draft"), first.output());

    Launch second = launch(file);
    assertEquals(0, second.exitCode(), second.output());
    assertTrue(second.output().contains("Resuming run"), second.output());
    for (String line : List.of("search: replayed", "draft: replayed", "review: executed")) {
      assertTrue(second.output().contains(line), second.output());
    }
    assertTrue(!second.output().contains("executing search") && !second.output().contains("executing draft"),
        second.output());
  }
}
