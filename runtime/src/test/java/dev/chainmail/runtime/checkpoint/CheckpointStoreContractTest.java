package dev.chainmail.runtime.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What every {@link CheckpointStore} does, run against each store that Chainmail ships. */
class CheckpointStoreContractTest {

  private static final byte[] FP_A = new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
  private static final byte[] FP_B = new byte[] {16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1};

  @TempDir
  Path directory;

  private CheckpointStore store;

  @AfterEach
  void closeStore() {
    if (store != null) {
      store.close();
    }
  }

  private CheckpointStore open(StoreKind kind) {
    store = kind.open(directory);
    return store;
  }

  private static byte[] bytes(String text) {
    return TestCodecs.STRING.encode(text);
  }

  /** Claims a run on another thread and reports what happened, releasing the claim at once. */
  private static String claimElsewhere(CheckpointStore store, String runId)
      throws InterruptedException, ExecutionException, TimeoutException {
    return CompletableFuture.supplyAsync(() -> {
      try (RunClaim claim = store.claim(runId)) {
        return "claimed " + claim.runId();
      } catch (CheckpointClaimedException e) {
        return "refused " + e.runId();
      }
    }).get(10, TimeUnit.SECONDS);
  }

  @ParameterizedTest
  @EnumSource(StoreKind.class)
  void aClaimIsExclusiveAcrossThreadsUntilClosed(StoreKind kind) throws Exception {
    CheckpointStore store = open(kind);
    RunClaim claim = store.claim("r1");
    assertEquals("refused r1", claimElsewhere(store, "r1"));
    assertEquals("claimed r2", claimElsewhere(store, "r2"));
    claim.close();
    claim.close();
    assertEquals("claimed r1", claimElsewhere(store, "r1"));
  }

  @ParameterizedTest
  @EnumSource(StoreKind.class)
  void aSecondClaimOnTheSameThreadIsRefusedAtOnce(StoreKind kind) {
    CheckpointStore store = open(kind);
    try (RunClaim claim = store.claim("r1")) {
      CheckpointClaimedException e = assertThrows(CheckpointClaimedException.class, () -> store.claim("r1"));
      assertEquals(claim.runId(), e.runId());
      assertTrue(e.getMessage().contains("'r1'"), e.getMessage());
    }
  }

  @ParameterizedTest
  @EnumSource(StoreKind.class)
  void aNewRunHasNoRecords(StoreKind kind) {
    CheckpointStore store = open(kind);
    try (RunClaim claim = store.claim("new")) {
      assertEquals("new", claim.runId());
      assertEquals(Optional.empty(), claim.run());
      assertEquals(List.of(), claim.stepRows());
    }
    assertEquals(Optional.empty(), store.run("new"));
    assertEquals(List.of(), store.steps("new"));
    assertEquals(List.of(), store.unfinishedRuns());
  }

  @ParameterizedTest
  @EnumSource(StoreKind.class)
  void aClaimLoadsEveryRecordOfItsRunInSeqOrder(StoreKind kind) {
    CheckpointStore store = open(kind);
    try (RunClaim claim = store.claim("r1")) {
      claim.insertRun("com.example.Chain/run", bytes("args"));
      claim.commitStep("search", "0", 1, FP_A, bytes("docs"));
      claim.insertStarted("charge", "0", 3, FP_B);
      claim.commitStep("draft", "key-x", 2, FP_B, bytes("draft"));
    }
    try (RunClaim claim = store.claim("r1")) {
      assertEquals(Optional.of(new RunRecord("r1", "com.example.Chain/run", bytes("args"), null)), claim.run());
      assertEquals(List.of(
          new StepRow("search", "0", 1, FP_A, bytes("docs")),
          new StepRow("draft", "key-x", 2, FP_B, bytes("draft")),
          new StepRow("charge", "0", 3, FP_B, null)), claim.stepRows());
    }
  }

  @ParameterizedTest
  @EnumSource(StoreKind.class)
  void commitStepReplacesAStartedMarker(StoreKind kind) {
    CheckpointStore store = open(kind);
    try (RunClaim claim = store.claim("r1")) {
      claim.insertRun("e", bytes(""));
      claim.insertStarted("charge", "0", 1, FP_A);
      assertThrows(IllegalStateException.class, () -> claim.insertStarted("charge", "0", 2, FP_A));
      assertEquals(List.of(new StepRecord("charge", "0", false)), store.steps("r1"));
      claim.commitStep("charge", "0", 1, FP_A, bytes("paid"));
    }
    assertEquals(List.of(new StepRecord("charge", "0", true)), store.steps("r1"));
    try (RunClaim claim = store.claim("r1")) {
      assertEquals(List.of(new StepRow("charge", "0", 1, FP_A, bytes("paid"))), claim.stepRows());
    }
  }

  @ParameterizedTest
  @EnumSource(StoreKind.class)
  void discardFromDeletesThatSeqAndEveryLaterOne(StoreKind kind) {
    CheckpointStore store = open(kind);
    try (RunClaim claim = store.claim("r1")) {
      claim.insertRun("e", bytes(""));
      claim.commitStep("a", "0", 1, FP_A, bytes("1"));
      claim.commitStep("b", "0", 2, FP_A, bytes("2"));
      claim.insertStarted("c", "0", 3, FP_A);
      claim.commitStep("a", "1", 4, FP_A, bytes("4"));
      claim.discardFrom(2);
      claim.commitStep("b", "0", 5, FP_B, bytes("5"));
    }
    assertEquals(List.of(new StepRecord("a", "0", true), new StepRecord("b", "0", true)), store.steps("r1"));
    try (RunClaim claim = store.claim("r1")) {
      assertEquals(5, claim.stepRows().get(1).seq());
      assertArrayEquals(FP_B, claim.stepRows().get(1).fingerprint());
    }
  }

  @ParameterizedTest
  @EnumSource(StoreKind.class)
  void finishRunRecordsTheResult(StoreKind kind) {
    CheckpointStore store = open(kind);
    try (RunClaim claim = store.claim("r1")) {
      assertThrows(IllegalStateException.class, () -> claim.finishRun(bytes("early")));
      claim.insertRun("e", bytes("a"));
      assertThrows(IllegalStateException.class, () -> claim.insertRun("e", bytes("a")));
      claim.finishRun(bytes("done"));
    }
    RunRecord run = store.run("r1").orElseThrow();
    assertTrue(run.finished());
    assertArrayEquals(bytes("done"), run.result());
    assertArrayEquals(bytes("a"), run.arguments());
    assertEquals("e", run.entry());
  }

  @ParameterizedTest
  @EnumSource(StoreKind.class)
  void unfinishedRunsAreListedOldestFirst(StoreKind kind) {
    StoreKind.ManualClock clock = new StoreKind.ManualClock();
    store = kind.open(directory, clock);
    for (String id : List.of("c", "a", "b", "d")) {
      clock.set(clock.millis() + 10);
      try (RunClaim claim = store.claim(id)) {
        claim.insertRun("e", bytes(id));
        if (id.equals("a")) {
          claim.finishRun(bytes("done"));
        }
      }
    }
    try (RunClaim claim = store.claim("d")) {
      claim.insertStarted("s", "0", 1, FP_A);
    }
    assertEquals(List.of("c", "b", "d"), store.unfinishedRuns());
  }

  @ParameterizedTest
  @EnumSource(StoreKind.class)
  void stepsListsStepsAndMarkersButNotTheEntry(StoreKind kind) {
    CheckpointStore store = open(kind);
    try (RunClaim claim = store.claim("r1")) {
      claim.insertRun("e", bytes(""));
      claim.commitStep("search", "0", 1, FP_A, bytes("x"));
      claim.commitStep("search", "1", 2, FP_A, bytes("y"));
      claim.insertStarted("charge", "order-7", 3, FP_A);
      claim.finishRun(bytes("r"));
    }
    assertEquals(List.of(new StepRecord("search", "0", true), new StepRecord("search", "1", true),
        new StepRecord("charge", "order-7", false)), store.steps("r1"));
    assertEquals(List.of(), store.steps("unknown"));
  }

  @ParameterizedTest
  @EnumSource(StoreKind.class)
  void deleteRunRemovesTheRunWithItsRecords(StoreKind kind) throws Exception {
    CheckpointStore store = open(kind);
    for (String id : List.of("r1", "r2")) {
      try (RunClaim claim = store.claim(id)) {
        claim.insertRun("e", bytes(id));
        claim.commitStep("s", "0", 1, FP_A, bytes("x"));
      }
    }
    assertTrue(store.deleteRun("r1"));
    assertFalse(store.deleteRun("r1"));
    assertFalse(store.deleteRun("never"));
    assertEquals(Optional.empty(), store.run("r1"));
    assertEquals(List.of(), store.steps("r1"));
    assertEquals(List.of("r2"), store.unfinishedRuns());
    try (RunClaim claim = store.claim("r1")) {
      assertEquals(Optional.empty(), claim.run());
      assertEquals(List.of(), claim.stepRows());
    }
    try (RunClaim claim = store.claim("r2")) {
      assertThrows(CheckpointClaimedException.class, () -> store.deleteRun(claim.runId()));
      String other = CompletableFuture.supplyAsync(() -> {
        try {
          return "deleted " + store.deleteRun("r2");
        } catch (CheckpointClaimedException e) {
          return "refused";
        }
      }).get(10, TimeUnit.SECONDS);
      assertEquals("refused", other);
    }
    assertEquals(1, store.steps("r2").size());
  }

  @ParameterizedTest
  @EnumSource(StoreKind.class)
  void purgeRemovesOnlyRunsFinishedBeforeTheInstantWithTheirRecords(StoreKind kind) {
    StoreKind.ManualClock clock = new StoreKind.ManualClock();
    store = kind.open(directory, clock);
    record(clock, "early", 1_000, 2_000);
    record(clock, "late", 1_500, 3_000);
    record(clock, "open", 500, -1);
    assertEquals(0, store.purgeFinishedBefore(Instant.ofEpochMilli(2_000)));
    assertEquals(1, store.purgeFinishedBefore(Instant.ofEpochMilli(2_001)));
    assertEquals(Optional.empty(), store.run("early"));
    assertEquals(List.of(), store.steps("early"));
    assertTrue(store.run("late").isPresent());
    assertEquals(1, store.steps("late").size());
    assertEquals(1, store.purgeFinishedBefore(Instant.ofEpochMilli(10_000)));
    assertEquals(List.of("open"), store.unfinishedRuns());
    assertEquals(1, store.steps("open").size());
    assertEquals(0, store.purgeFinishedBefore(Instant.ofEpochMilli(Long.MAX_VALUE)));
  }

  private void record(StoreKind.ManualClock clock, String id, long startedAt, long finishedAt) {
    clock.set(startedAt);
    try (RunClaim claim = store.claim(id)) {
      claim.insertRun("e", bytes(id));
      claim.commitStep("s", "0", 1, FP_A, bytes("x"));
      if (finishedAt >= 0) {
        clock.set(finishedAt);
        claim.finishRun(bytes("done"));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(StoreKind.class)
  void aReleasedClaimCannotWrite(StoreKind kind) {
    CheckpointStore store = open(kind);
    RunClaim claim = store.claim("r1");
    claim.insertRun("e", bytes(""));
    claim.close();
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> claim.commitStep("s", "0", 1, FP_A, bytes("x")));
    assertTrue(e.getMessage().contains("released"), e.getMessage());
    assertThrows(IllegalStateException.class, () -> claim.finishRun(bytes("x")));
    assertThrows(IllegalStateException.class, () -> claim.discardFrom(1));
    assertEquals(List.of(), store.steps("r1"));
  }

  @ParameterizedTest
  @EnumSource(StoreKind.class)
  void closingTheStoreReleasesItsClaimsAndRefusesEverything(StoreKind kind) {
    CheckpointStore store = open(kind);
    RunClaim claim = store.claim("r1");
    claim.insertRun("e", bytes(""));
    store.close();
    store.close();
    assertThrows(IllegalStateException.class, () -> claim.commitStep("s", "0", 1, FP_A, bytes("x")));
    claim.close();
    assertThrows(IllegalStateException.class, () -> store.claim("r2"));
    assertThrows(IllegalStateException.class, () -> store.run("r1"));
    assertThrows(IllegalStateException.class, store::unfinishedRuns);
    assertThrows(IllegalStateException.class, () -> store.steps("r1"));
    assertThrows(IllegalStateException.class, () -> store.deleteRun("r1"));
    assertThrows(IllegalStateException.class, () -> store.purgeFinishedBefore(Instant.now()));
  }

  @ParameterizedTest
  @EnumSource(StoreKind.class)
  void nullArgumentsAreRefused(StoreKind kind) {
    CheckpointStore store = open(kind);
    assertThrows(NullPointerException.class, () -> store.claim(null));
    assertThrows(NullPointerException.class, () -> store.run(null));
    assertThrows(NullPointerException.class, () -> store.steps(null));
    assertThrows(NullPointerException.class, () -> store.deleteRun(null));
    assertThrows(NullPointerException.class, () -> store.purgeFinishedBefore(null));
    try (RunClaim claim = store.claim("r1")) {
      assertThrows(NullPointerException.class, () -> claim.insertRun(null, new byte[0]));
      claim.insertRun("e", new byte[0]);
      assertThrows(NullPointerException.class, () -> claim.commitStep("s", "0", 1, FP_A, null));
      assertThrows(NullPointerException.class, () -> claim.insertStarted("s", null, 1, FP_A));
      assertThrows(NullPointerException.class, () -> claim.finishRun(null));
    }
    assertNull(store.run("r1").orElseThrow().result());
  }
}
