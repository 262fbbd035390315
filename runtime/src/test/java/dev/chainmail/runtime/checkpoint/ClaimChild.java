package dev.chainmail.runtime.checkpoint;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The child JVM of the cross-process tests. Its modes, each with the database file first:
 * <ul>
 *   <li>{@code hold FILE RUN}: claims the run, prints {@code claimed}, and waits for a line on standard input;
 *   <li>{@code try FILE RUN}: tries to claim the run and prints {@code claimed} or {@code refused};
 *   <li>{@code open FILE}: opens the store and prints {@code opened} and its count of unfinished runs, or the message of what it threw.
 * </ul>
 */
public final class ClaimChild {

  private ClaimChild() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[1]);
    switch (args[0]) {
      case "hold" -> hold(file, args[2]);
      case "try" -> attempt(file, args[2]);
      case "open" -> open(file);
      default -> throw new IllegalArgumentException("unknown mode " + args[0]);
    }
  }

  private static void hold(Path file, String runId) throws Exception {
    try (CheckpointStore store = CheckpointStores.sqlite(file); RunClaim claim = store.claim(runId)) {
      System.out.println("claimed " + claim.runId());
      System.out.flush();
      new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    }
  }

  private static void attempt(Path file, String runId) {
    try (CheckpointStore store = CheckpointStores.sqlite(file)) {
      try (RunClaim claim = store.claim(runId)) {
        System.out.println("claimed " + claim.runId());
      } catch (CheckpointClaimedException e) {
        System.out.println("refused " + e.runId());
      }
    }
  }

  private static void open(Path file) {
    try (CheckpointStore store = CheckpointStores.sqlite(file)) {
      System.out.println("opened " + store.unfinishedRuns().size());
    } catch (RuntimeException e) {
      System.out.println(e.getClass().getName() + ": " + e.getMessage());
    }
  }
}
