package dev.chainmail.runtime.checkpoint;

import static dev.chainmail.runtime.checkpoint.TestCodecs.STRING;
import static dev.chainmail.runtime.checkpoint.TestCodecs.arguments;
import static dev.chainmail.runtime.checkpoint.TestCodecs.stepArguments;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainmail.runtime.ChainmailContext;
import dev.chainmail.runtime.ConfigurationException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The semantics of runs and steps over each store, driven the way a generated proxy drives them: {@link RunEntry}
 * around the entry's body, {@link StepPolicy} and {@link StepCall} around each step's.
 */
class DurableRunTest {

  private static final String ENTRY = "com.example.ReportChain/run";

  @TempDir
  Path directory;

  private CheckpointStore store;
  private final List<String> executed = new ArrayList<>();

  @AfterEach
  void closeStore() {
    if (store != null) {
      store.close();
    }
  }

  private RunEntry entry(StoreKind kind) {
    store = kind.open(directory);
    return RunEntry.of(ENTRY, ChainmailContext.builder().checkpointStore(store).build());
  }

  /** What a proxy's step does: the recorded result if there is one, else execute and commit. */
  private String step(StepPolicy policy, String argument, Supplier<String> body) {
    CheckpointRun run = Checkpoints.current();
    StepCall call = policy.begin(run, stepArguments(argument));
    if (call.done()) {
      return call.decode(STRING);
    }
    executed.add(policy.name() + "(" + argument + ")");
    String result = body.get();
    call.commit(STRING, result);
    return result;
  }

  /** What a proxy's entry does around a body. */
  private String run(RunEntry entry, String runId, String argument, Supplier<String> body) {
    CheckpointRun run = entry.enter(runId, arguments(argument));
    try {
      if (run.finished()) {
        return run.result(STRING);
      }
      String result = body.get();
      entry.finish(run, STRING.encode(result));
      return result;
    } finally {
      entry.exit(run);
    }
  }

  @Test
  void anEntryWithoutAStoreIsAConfigurationErrorNamingTheBuilderMethod() {
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> RunEntry.of(ENTRY, ChainmailContext.defaults()));
    assertTrue(e.getMessage().contains("ChainmailContext.Builder#checkpointStore"), e.getMessage());
    assertTrue(e.getMessage().startsWith(ENTRY), e.getMessage());
    assertThrows(ConfigurationException.class, () -> RunEntry.recorded(ChainmailContext.defaults(), "r"));
  }

  @ParameterizedTest
  @EnumSource(StoreKind.class)
  void aRunIsCurrentDuringItsEntryAndRecordsItsArgumentsAndResult(StoreKind kind) {
    RunEntry entry = entry(kind);
    assertNull(Checkpoints.current());
    String result = run(entry, "r1", "topic", () -> {
      CheckpointRun current = Checkpoints.current();
      assertEquals("r1", current.runId());
      assertEquals(ENTRY, current.entry());
      assertFalse(current.finished());
      assertEquals(List.of("r1"), store.unfinishedRuns());
      return "report";
    });
    assertEquals("report", result);
    assertNull(Checkpoints.current());
    RunRecord record = RunEntry.recorded(ChainmailContext.builder().checkpointStore(store).build(), "r1");
    assertEquals(ENTRY, record.entry());
    assertArrayEquals(arguments("topic"), record.arguments());
    assertEquals("report", STRING.decode(record.result()));
    assertEquals(List.of(), store.unfinishedRuns());
  }

  @ParameterizedTest
  @EnumSource(StoreKind.class)
  void aFinishedRunReturnsItsRecordedResultWithoutExecutingAnything(StoreKind kind) {
    RunEntry entry = entry(kind);
    run(entry, "r1", "topic", () -> "report");
    String again = run(entry, "r1", "topic", () -> {
      throw new AssertionError("a finished run executes nothing");
    });
    assertEquals("report", again);
    CheckpointMismatchException e = assertThrows(CheckpointMismatchException.class,
        () -> run(entry, "r1", "other topic", () -> "x"));
    assertEquals(ENTRY, e.step());
    assertEquals("", e.key());
    assertNull(Checkpoints.current());
  }

  @Test
  void recordedNamesAnUnknownRun() {
    store = CheckpointStores.inMemory();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RunEntry.recorded(ChainmailContext.builder().checkpointStore(store).build(), "nope"));
    assertTrue(e.getMessage().contains("'nope'"), e.getMessage());
  }

  @ParameterizedTest
  @EnumSource(StoreKind.class)
  void anUnfinishedRunResumesAndExecutesOnlyTheStepsNotRecorded(StoreKind kind) {
    RunEntry entry = entry(kind);
    StepPolicy search = StepPolicy.of("search", false, false);
    StepPolicy draft = StepPolicy.of("draft", false, false);
    RuntimeException crash = new IllegalStateException("crash");
    assertSame(crash, assertThrows(IllegalStateException.class, () -> run(entry, "r1", "topic", () -> {
      step(search, "topic", () -> "docs");
      step(draft, "docs", () -> {
        throw crash;
      });
      return "unreachable";
    })));
    assertEquals(List.of("search(topic)", "draft(docs)"), executed);
    assertEquals(List.of(new StepRecord("search", "0", true)), store.steps("r1"));
    executed.clear();
    String result = run(entry, "r1", "topic", () -> step(draft, step(search, "topic", () -> "other"), () -> "text"));
    assertEquals("text", result);
    assertEquals(List.of("draft(docs)"), executed);
  }

  @ParameterizedTest
  @EnumSource(StoreKind.class)
  void aStepCalledTwiceIsTwoStepsCountedByOccurrence(StoreKind kind) {
    RunEntry entry = entry(kind);
    StepPolicy ask = StepPolicy.of("ask", false, false);
    run(entry, "r1", "", () -> step(ask, "q", () -> "first") + step(ask, "q", () -> "second"));
    assertEquals(List.of(new StepRecord("ask", "0", true), new StepRecord("ask", "1", true)), store.steps("r1"));
    assertTrue(store.deleteRun("r1"));
    executed.clear();

    // An unfinished run replays both occurrences, each with its own value.
    assertThrows(IllegalStateException.class, () -> run(entry, "r2", "", () -> {
      step(ask, "q", () -> "first");
      step(ask, "q", () -> "second");
      throw new IllegalStateException("crash");
    }));
    executed.clear();
    String replayed = run(entry, "r2", "", () -> step(ask, "q", () -> "x") + "," + step(ask, "q", () -> "y") + ","
        + step(ask, "q", () -> "third"));
    assertEquals("first,second,third", replayed);
    assertEquals(List.of("ask(q)"), executed);
  }

  @ParameterizedTest
  @EnumSource(StoreKind.class)
  void stepKeysNameOccurrencesWhateverTheirOrder(StoreKind kind) {
    RunEntry entry = entry(kind);
    StepPolicy fetch = StepPolicy.of("fetch", false, false);
    assertThrows(IllegalStateException.class, () -> run(entry, "r1", "", () -> {
      for (String key : List.of("b", "a")) {
        StepCall call = fetch.begin(Checkpoints.current(), key, stepArguments(key));
        call.commit(STRING, "value of " + key);
      }
      StepCall numbered = fetch.begin(Checkpoints.current(), 7L, stepArguments("7"));
      numbered.commit(STRING, "seven");
      throw new IllegalStateException("crash");
    }));
    assertEquals(List.of(new StepRecord("fetch", "b", true), new StepRecord("fetch", "a", true),
        new StepRecord("fetch", "7", true)), store.steps("r1"));
    run(entry, "r1", "", () -> {
      CheckpointRun run = Checkpoints.current();
      assertEquals("seven", fetch.begin(run, "7", stepArguments("7")).decode(STRING));
      assertEquals("value of a", fetch.begin(run, "a", stepArguments("a")).decode(STRING));
      StepCall b = fetch.begin(run, "b", stepArguments("b"));
      assertTrue(b.done());
      assertSame(b, fetch.begin(run, "b", stepArguments("b")));
      assertFalse(fetch.begin(run, 8, stepArguments("8")).done());
      assertThrows(IllegalArgumentException.class, () -> fetch.begin(run, "", stepArguments("")));
      assertThrows(NullPointerException.class, () -> fetch.begin(run, (String) null, stepArguments("")));
      return "done";
    });
  }

  @ParameterizedTest
  @EnumSource(StoreKind.class)
  void aMismatchFailsByDefaultAndRecordsNothing(StoreKind kind) {
    RunEntry entry = entry(kind);
    StepPolicy search = StepPolicy.of("search", false, false);
    StepPolicy draft = StepPolicy.of("draft", false, false);
    crashAfter(entry, () -> {
      step(search, "topic", () -> "docs");
      step(draft, "docs", () -> "text");
    });
    List<StepRecord> before = store.steps("r1");
    executed.clear();
    CheckpointMismatchException e = assertThrows(CheckpointMismatchException.class,
        () -> run(entry, "r1", "", () -> step(search, "another topic", () -> "x")));
    assertEquals("r1", e.runId());
    assertEquals("search", e.step());
    assertEquals("0", e.key());
    assertEquals(32, e.recordedFingerprint().length());
    assertNotEquals(e.recordedFingerprint(), e.actualFingerprint());
    assertTrue(e.getMessage().contains(e.recordedFingerprint()) && e.getMessage().contains(e.actualFingerprint()),
        e.getMessage());
    assertTrue(e.getMessage().contains("'search'") && e.getMessage().contains("'r1'"), e.getMessage());
    assertTrue(e.getMessage().contains("RERUN"), e.getMessage());
    assertEquals(List.of(), executed);
    assertEquals(before, store.steps("r1"));
    assertEquals("text", run(entry, "r1", "", () -> step(draft, step(search, "topic", () -> "?"), () -> "?")));
  }

  @ParameterizedTest
  @EnumSource(StoreKind.class)
  void aRunHoldsNoRecordOfAStepCountedByOccurrenceOnceCommittedAndKeepsTheKeyedOnes(StoreKind kind) {
    RunEntry entry = entry(kind);
    StepPolicy ask = StepPolicy.of("ask", false, false);
    StepPolicy once = StepPolicy.of("once", false, true);
    StepPolicy fetch = StepPolicy.of("fetch", false, false);
    crashAfter(entry, () -> {
      for (int i = 0; i < 200; i++) {
        String question = "q" + i;
        step(ask, question, () -> "answer to " + question);
      }
      step(once, "charge", () -> "charged");
      assertEquals(0, Checkpoints.current().heldRecords(), "neither results nor STARTED markers are held");
      StepCall keyed = fetch.begin(Checkpoints.current(), "doc", stepArguments("doc"));
      keyed.commit(STRING, "text");
      assertEquals(1, Checkpoints.current().heldRecords());
      assertEquals("text", fetch.begin(Checkpoints.current(), "doc", stepArguments("doc")).decode(STRING),
          "a repeated key returns the record without a query");
    });
    assertEquals(202, store.steps("r1").size());
    executed.clear();
    String result = run(entry, "r1", "", () -> {
      String last = "";
      for (int i = 0; i < 200; i++) {
        last = step(ask, "q" + i, () -> "?");
      }
      StepCall keyed = fetch.begin(Checkpoints.current(), "doc", stepArguments("doc"));
      return last + ", " + step(once, "charge", () -> "?") + ", " + keyed.decode(STRING);
    });
    assertEquals("answer to q199, charged, text", result);
    assertEquals(List.of(), executed, "the resume found every record in the store");
  }

  @ParameterizedTest
  @EnumSource(StoreKind.class)
  void aMismatchWithRerunExecutesAgainAndDiscardsEveryLaterRecord(StoreKind kind) {
    RunEntry entry = entry(kind);
    StepPolicy first = StepPolicy.of("first", false, false);
    StepPolicy search = StepPolicy.of("search", true, false);
    StepPolicy draft = StepPolicy.of("draft", false, false);
    crashAfter(entry, () -> {
      step(first, "x", () -> "one");
      step(search, "topic", () -> "docs");
      step(draft, "docs", () -> "text");
    });
    executed.clear();
    String result = run(entry, "r1", "", () -> {
      step(first, "x", () -> "?");
      return step(draft, step(search, "new topic", () -> "new docs"), () -> "new text");
    });
    assertEquals("new text", result);
    assertEquals(List.of("search(new topic)", "draft(new docs)"), executed);
    assertEquals(List.of(new StepRecord("first", "0", true), new StepRecord("search", "0", true),
        new StepRecord("draft", "0", true)), store.steps("r1"));
  }

  @ParameterizedTest
  @EnumSource(StoreKind.class)
  void aRerunDiscardsLaterRecordsEvenWhenTheyWouldHaveMatched(StoreKind kind) {
    RunEntry entry = entry(kind);
    StepPolicy search = StepPolicy.of("search", true, false);
    StepPolicy note = StepPolicy.of("note", false, false);
    crashAfter(entry, () -> {
      step(search, "topic", () -> "docs");
      step(note, "same", () -> "old note");
    });
    executed.clear();
    String result = run(entry, "r1", "", () -> step(search, "changed", () -> "d") + step(note, "same", () -> "new"));
    assertEquals("dnew", result);
    assertEquals(List.of("search(changed)", "note(same)"), executed);
  }

  @ParameterizedTest
  @EnumSource(StoreKind.class)
  void anAtMostOnceStepRecordsAMarkerFirstAndIsInDoubtIfItNeverFinished(StoreKind kind) {
    RunEntry entry = entry(kind);
    StepPolicy charge = StepPolicy.of("charge", false, true);
    crashAfter(entry, () -> step(charge, "order-1", () -> {
      assertEquals(List.of(new StepRecord("charge", "0", false)), store.steps("r1"));
      throw new IllegalStateException("crash in the middle of charging");
    }));
    executed.clear();
    CheckpointInDoubtException e = assertThrows(CheckpointInDoubtException.class,
        () -> run(entry, "r1", "", () -> step(charge, "order-1", () -> "charged twice")));
    assertEquals("r1", e.runId());
    assertEquals("charge", e.step());
    assertEquals("0", e.key());
    assertTrue(e.getMessage().contains("deleteRun"), e.getMessage());
    assertEquals(List.of(), executed);
    assertEquals(List.of(new StepRecord("charge", "0", false)), store.steps("r1"));

    // A step that is no longer at most once executes again, and its result replaces the marker.
    StepPolicy relaxed = StepPolicy.of("charge", false, false);
    assertEquals("charged", run(entry, "r1", "", () -> step(relaxed, "order-1", () -> "charged")));
    assertEquals(List.of(new StepRecord("charge", "0", true)), store.steps("r1"));
  }

  @ParameterizedTest
  @EnumSource(StoreKind.class)
  void anAtMostOnceStepThatFinishedReplaysLikeAnyOther(StoreKind kind) {
    RunEntry entry = entry(kind);
    StepPolicy charge = StepPolicy.of("charge", false, true);
    crashAfter(entry, () -> step(charge, "order-1", () -> "charged"));
    executed.clear();
    assertEquals("charged", run(entry, "r1", "", () -> step(charge, "order-1", () -> "twice")));
    assertEquals(List.of(), executed);
    try (RunClaim claim = store.claim("r1")) {
      assertEquals(1, claim.stepRows().size());
      assertEquals(1, claim.stepRows().get(0).seq());
    }
  }

  @ParameterizedTest
  @EnumSource(StoreKind.class)
  void corruptedBytesRaiseCheckpointCorruptedExceptionNeverAWrongValue(StoreKind kind) {
    RunEntry entry = entry(kind);
    StepPolicy search = StepPolicy.of("search", false, false);
    crashAfter(entry, () -> step(search, "topic", () -> "docs"));
    byte[] fingerprint;
    try (RunClaim claim = store.claim("r1")) {
      StepRow row = claim.stepRows().get(0);
      fingerprint = row.fingerprint();
      byte[] damaged = row.result().clone();
      damaged[CodecFormat.HEADER + 1] ^= 0x20;
      // A recorded result is never overwritten (PostgreSQL's first writer wins): discard it, then record the bytes.
      claim.discardFrom(row.seq());
      claim.commitStep(row.name(), row.key(), row.seq(), fingerprint, damaged);
    }
    CheckpointCorruptedException e = assertThrows(CheckpointCorruptedException.class,
        () -> run(entry, "r1", "", () -> step(search, "topic", () -> "docs")));
    assertEquals("r1", e.runId());
    assertEquals("search", e.step());
    assertEquals("0", e.key());
    assertInstanceOf(CodecException.class, e.getCause());
    assertTrue(e.getMessage().contains("'search'") && e.getMessage().contains("'r1'"), e.getMessage());

    // A codec of another type refuses the bytes too, through the schema hash.
    try (RunClaim claim = store.claim("r1")) {
      claim.discardFrom(1);
      claim.commitStep("search", "0", 1, fingerprint, arguments("docs"));
    }
    assertThrows(CheckpointCorruptedException.class,
        () -> run(entry, "r1", "", () -> step(search, "topic", () -> "docs")));
  }

  @ParameterizedTest
  @EnumSource(StoreKind.class)
  void aCorruptedRunResultRaisesCheckpointCorruptedExceptionNamingTheEntry(StoreKind kind) {
    RunEntry entry = entry(kind);
    CheckpointRun run = entry.enter("r1", arguments(""));
    try {
      entry.finish(run, new byte[] {1, 2, 3});
    } finally {
      entry.exit(run);
    }
    CheckpointCorruptedException e = assertThrows(CheckpointCorruptedException.class,
        () -> run(entry, "r1", "", () -> "x"));
    assertEquals(ENTRY, e.step());
    assertEquals("", e.key());
  }

  @ParameterizedTest
  @EnumSource(StoreKind.class)
  void aRunIdNamesOneRunOfOneEntry(StoreKind kind) {
    RunEntry entry = entry(kind);
    run(entry, "r1", "a", () -> "x");
    RunEntry other = RunEntry.of("com.example.Other/go", ChainmailContext.builder().checkpointStore(store).build());
    CheckpointMismatchException e = assertThrows(CheckpointMismatchException.class,
        () -> run(other, "r1", "a", () -> "y"));
    assertTrue(e.getMessage().contains(ENTRY) && e.getMessage().contains("com.example.Other/go"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> {
      CheckpointRun run = other.enter("r2", arguments());
      try {
        entry.finish(run, STRING.encode("z"));
      } finally {
        other.exit(run);
      }
    });
  }

  @ParameterizedTest
  @EnumSource(StoreKind.class)
  void anEntryCalledWithItsOwnRunIdInsideTheRunIsRefusedAndANestedRunIsItsOwn(StoreKind kind) {
    RunEntry entry = entry(kind);
    StepPolicy step = StepPolicy.of("s", false, false);
    String result = run(entry, "outer", "", () -> {
      CheckpointRun outer = Checkpoints.current();
      assertThrows(CheckpointClaimedException.class, () -> run(entry, "outer", "", () -> "again"));
      assertSame(outer, Checkpoints.current());
      String inner = run(entry, "inner", "", () -> {
        assertEquals("inner", Checkpoints.current().runId());
        return step(step, "in", () -> "inner step");
      });
      assertSame(outer, Checkpoints.current());
      return inner + "/" + step(step, "out", () -> "outer step");
    });
    assertEquals("inner step/outer step", result);
    assertEquals(List.of(new StepRecord("s", "0", true)), store.steps("inner"));
    assertEquals(List.of(new StepRecord("s", "0", true)), store.steps("outer"));
  }

  @ParameterizedTest
  @EnumSource(StoreKind.class)
  void aStepCannotRecordAfterItsRunExited(StoreKind kind) {
    RunEntry entry = entry(kind);
    StepPolicy policy = StepPolicy.of("s", false, false);
    CheckpointRun run = entry.enter("r1", arguments());
    StepCall call = policy.begin(run, stepArguments("x"));
    entry.exit(run);
    entry.exit(run);
    assertNull(Checkpoints.current());
    assertThrows(IllegalStateException.class, () -> call.commit(STRING, "late"));
    assertThrows(IllegalStateException.class, () -> policy.begin(run, stepArguments("x")));
    assertEquals(List.of(), store.steps("r1"));
  }

  @ParameterizedTest
  @EnumSource(StoreKind.class)
  void aCallIsCommittedOnceAndADoneCallIsNotCommitted(StoreKind kind) {
    RunEntry entry = entry(kind);
    StepPolicy policy = StepPolicy.of("s", false, false);
    run(entry, "r1", "", () -> {
      StepCall call = policy.begin(Checkpoints.current(), stepArguments("x"));
      assertThrows(IllegalStateException.class, () -> call.decode(STRING));
      call.commit(STRING, null);
      assertThrows(IllegalStateException.class, () -> call.commit(STRING, "again"));
      return "r";
    });
    run(entry, "r2", "", () -> "r");
    crashAfter(entry, "r3", () -> step(policy, "x", () -> null));
    run(entry, "r3", "", () -> {
      StepCall call = policy.begin(Checkpoints.current(), stepArguments("x"));
      assertTrue(call.done());
      assertNull(call.decode(STRING));
      assertThrows(IllegalStateException.class, () -> call.commit(STRING, "x"));
      return "r";
    });
  }

  @Test
  void stepPoliciesCheckTheirNames() {
    assertThrows(NullPointerException.class, () -> StepPolicy.of(null, false, false));
    assertThrows(ConfigurationException.class, () -> StepPolicy.of("", false, false));
    StepPolicy policy = StepPolicy.of("s", true, true);
    assertEquals("s", policy.name());
    assertTrue(policy.rerunOnMismatch());
    assertTrue(policy.atMostOnce());
    assertThrows(NullPointerException.class, () -> policy.begin(null, stepArguments()));
  }

  private void crashAfter(RunEntry entry, Runnable steps) {
    crashAfter(entry, "r1", steps);
  }

  private void crashAfter(RunEntry entry, String runId, Runnable steps) {
    assertThrows(IllegalStateException.class, () -> run(entry, runId, "", () -> {
      steps.run();
      throw new IllegalStateException("crash");
    }));
  }
}
