package dev.chainmail.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainmail.runtime.ChainmailContext;
import dev.chainmail.runtime.ConfigurationException;
import dev.chainmail.runtime.checkpoint.CheckpointClaimedException;
import dev.chainmail.runtime.checkpoint.CheckpointCorruptedException;
import dev.chainmail.runtime.checkpoint.CheckpointInDoubtException;
import dev.chainmail.runtime.checkpoint.CheckpointMismatchException;
import dev.chainmail.runtime.checkpoint.CheckpointStore;
import dev.chainmail.runtime.checkpoint.CheckpointStores;
import dev.chainmail.runtime.checkpoint.StepRecord;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Durable runs through real proxies, on the in-memory store and on SQLite. */
class DurableBehaviourTest {

  @TempDir
  Path folder;

  private CheckpointStore store;
  private DurableChain chain;

  @AfterEach
  void closeStore() {
    if (store != null) {
      store.close();
    }
  }

  private ResilientDurableChain open(String kind) {
    store = kind.equals("sqlite") ? CheckpointStores.sqlite(folder.resolve("runs.db")) : CheckpointStores.inMemory();
    ResilientDurableChain proxy = new ResilientDurableChain(ChainmailContext.builder().checkpointStore(store).build());
    chain = proxy;
    return proxy;
  }

  private static List<String> names(List<StepRecord> steps) {
    return steps.stream().map(step -> step.name() + "#" + step.key() + (step.done() ? "" : " started")).toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "sqlite"})
  void aFinishedRunReturnsItsResultWithoutExecutingAnything(String kind) {
    ResilientDurableChain proxy = open(kind);
    assertEquals("reviewed t-1+t-2", proxy.report("r", "t"));

    assertEquals("reviewed t-1+t-2", proxy.report("r", "t"));

    assertEquals(1, chain.executions("search"));
    assertEquals(1, chain.executions("draft"));
    assertEquals(1, chain.executions("review"));
    assertEquals(List.of("search#0", "draft#0", "review#0"), names(store.steps("r")));
    assertEquals(List.of(), store.unfinishedRuns());
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "sqlite"})
  void aResumedRunReplaysItsRecordedStepsAndExecutesTheRest(String kind) {
    ResilientDurableChain proxy = open(kind);
    chain.crashes.add("review");
    assertThrows(DurableChain.Crash.class, () -> proxy.report("r", "t"));
    assertEquals(List.of("r"), store.unfinishedRuns());
    assertEquals(List.of("search#0", "draft#0"), names(store.steps("r")), "the crashed step recorded nothing");

    assertEquals("reviewed t-1+t-2", proxy.report("r", "t"));

    assertEquals(1, chain.executions("search"));
    assertEquals(1, chain.executions("draft"));
    assertEquals(2, chain.executions("review"));
    assertEquals(List.of(), store.unfinishedRuns());
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "sqlite"})
  void resumeCallsTheEntryAgainWithItsRecordedArguments(String kind) {
    ResilientDurableChain proxy = open(kind);
    chain.crashes.add("review");
    assertThrows(DurableChain.Crash.class, () -> proxy.report("r", "topic"));

    for (String runId : store.unfinishedRuns()) {
      assertEquals("reviewed topic-1+topic-2", proxy.resume(runId));
    }
    assertEquals(1, chain.executions("search"));
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> proxy.resume("nope"));
    assertTrue(unknown.getMessage().contains("'nope'"), unknown.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "sqlite"})
  void aFallbacksValueIsTheStepsRecordedResult(String kind) {
    ResilientDurableChain proxy = open(kind);
    chain.failures.add("review");
    assertEquals("plain t-1+t-2", proxy.report("r", "t"));

    assertEquals("plain t-1+t-2", proxy.report("r", "t"));
    assertEquals(1, chain.executions("review"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "sqlite"})
  void aStepCalledInALoopIsOneStepPerCall(String kind) {
    ResilientDurableChain proxy = open(kind);
    chain.crashes.add("square2");
    assertThrows(DurableChain.Crash.class, () -> proxy.squares("l", 4));
    assertEquals(List.of("square#0", "square#1"), names(store.steps("l")));

    assertEquals(0 + 1 + 4 + 9, proxy.squares("l", 4));

    assertEquals(1, chain.executions("square0"));
    assertEquals(1, chain.executions("square1"));
    assertEquals(2, chain.executions("square2"));
    assertEquals(1, chain.executions("square3"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "sqlite"})
  void aReplayWithOtherArgumentsFailsAndRecordsNothing(String kind) {
    ResilientDurableChain proxy = open(kind);
    chain.crashes.add("review");
    assertThrows(DurableChain.Crash.class, () -> proxy.report("r", "t"));
    chain.drift = "?";

    CheckpointMismatchException mismatch = assertThrows(CheckpointMismatchException.class,
        () -> proxy.report("r", "t"));

    assertEquals("r", mismatch.runId());
    assertEquals("search", mismatch.step());
    assertTrue(!mismatch.recordedFingerprint().equals(mismatch.actualFingerprint()));
    assertEquals(List.of("search#0", "draft#0"), names(store.steps("r")));
    assertEquals(1, chain.executions("search"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "sqlite"})
  void rerunOnMismatchReplacesTheStaleRecords(String kind) {
    ResilientDurableChain proxy = open(kind);
    chain.crashes.add("polish");
    assertThrows(DurableChain.Crash.class, () -> proxy.revised("v", "t"));
    chain.drift = "2";

    assertEquals("picked t2!", proxy.revised("v", "t"));

    assertEquals(2, chain.executions("pick"), "the step whose arguments changed ran again");
    assertEquals(List.of("pick#0", "polish#0"), names(store.steps("v")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "sqlite"})
  void anAtMostOnceStepThatMayHaveRunIsInDoubt(String kind) {
    ResilientDurableChain proxy = open(kind);
    chain.crashes.add("draft");
    assertThrows(DurableChain.Crash.class, () -> proxy.report("r", "t"));
    assertEquals(List.of("search#0", "draft#0 started"), names(store.steps("r")));

    CheckpointInDoubtException doubt = assertThrows(CheckpointInDoubtException.class, () -> proxy.report("r", "t"));

    assertEquals("draft", doubt.step());
    assertEquals(1, chain.executions("draft"), "never executed twice");
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "sqlite"})
  void parallelStepsAreNamedByTheirStepKeys(String kind) {
    ResilientDurableChain proxy = open(kind);
    assertEquals(List.of("part 0", "part 1", "part 2", "part 3", "part 4", "part 5"), proxy.parallel("p", 6));

    List<String> keys = store.steps("p").stream().map(StepRecord::key).sorted().toList();
    assertEquals(List.of("0", "1", "2", "3", "4", "5"), keys);
    assertEquals(6, chain.executions("part"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "sqlite"})
  void equalSetsFingerprintAlikeWhateverTheirOrder(String kind) {
    ResilientDurableChain proxy = open(kind);
    proxy.notify("n", Set.of("ada", "grace", "alan", "barbara", "edsger"));
    assertEquals(1, chain.executions("greet"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "sqlite"})
  void aStepOutsideAnyRunIsNotRecorded(String kind) {
    ResilientDurableChain proxy = open(kind);
    proxy.search("t");
    proxy.search("t");

    assertEquals(2, chain.executions("search"));
    assertEquals(List.of(), store.unfinishedRuns());
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "sqlite"})
  void purgeAndDeleteRemoveRunsWithTheirRecords(String kind) {
    ResilientDurableChain proxy = open(kind);
    proxy.report("done", "t");
    chain.crashes.add("review");
    assertThrows(DurableChain.Crash.class, () -> proxy.report("open", "t"));

    assertEquals(0, store.purgeFinishedBefore(Instant.now().minusSeconds(60)));
    assertEquals(1, store.purgeFinishedBefore(Instant.now().plusSeconds(1)), "only the finished run");
    assertEquals(List.of(), store.steps("done"));
    assertEquals(List.of("open"), store.unfinishedRuns());
    assertTrue(store.deleteRun("open"));
    assertEquals(List.of(), store.unfinishedRuns());
    assertEquals("reviewed t-1+t-2", proxy.report("done", "t"), "a purged run starts afresh");
    assertEquals(3, chain.executions("search"), "once for each run, and once again for the purged one");
  }

  @Test
  void aNewProxyOnTheSameFileReadsTheRecords() {
    ResilientDurableChain first = open("sqlite");
    chain.crashes.add("review");
    assertThrows(DurableChain.Crash.class, () -> first.report("r", "t"));
    store.close();

    store = CheckpointStores.sqlite(folder.resolve("runs.db"));
    ResilientDurableChain second = new ResilientDurableChain(ChainmailContext.builder().checkpointStore(store).build());

    assertEquals("reviewed t-1+t-2", second.resume("r"));
    assertEquals(0, second.executions("search"));
    assertEquals(1, second.executions("review"));
  }

  @Test
  void corruptedBytesRaiseAnErrorAndNeverAWrongValue() throws Exception {
    ResilientDurableChain proxy = open("sqlite");
    chain.crashes.add("review");
    assertThrows(DurableChain.Crash.class, () -> proxy.report("r", "t"));
    try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("runs.db"))) {
      byte[] result;
      try (PreparedStatement read = sql.prepareStatement(
          "SELECT result FROM chainmail_steps WHERE run_id = 'r' AND name = 'search'");
          ResultSet row = read.executeQuery()) {
        row.next();
        result = row.getBytes(1);
      }
      result[result.length / 2] ^= 1;
      try (PreparedStatement write = sql.prepareStatement(
          "UPDATE chainmail_steps SET result = ? WHERE run_id = 'r' AND name = 'search'")) {
        write.setBytes(1, result);
        write.executeUpdate();
      }
    }

    CheckpointCorruptedException corrupted = assertThrows(CheckpointCorruptedException.class,
        () -> proxy.report("r", "t"));

    assertEquals("r", corrupted.runId());
    assertEquals("search", corrupted.step());
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "sqlite"})
  void aRunHeldByAnotherCallerIsRefusedAtOnce(String kind) {
    ResilientDurableChain proxy = open(kind);
    CheckpointClaimedException[] refused = new CheckpointClaimedException[1];
    chain.duringSearch = () -> refused[0] = assertThrows(CheckpointClaimedException.class,
        () -> proxy.report("r", "t"));

    assertEquals("reviewed t-1+t-2", proxy.report("r", "t"));

    assertEquals("r", refused[0].runId());
    assertEquals(1, chain.executions("search"));
  }

  @Test
  void aChainWithAnEntryNeedsAStore() {
    ConfigurationException missing = assertThrows(ConfigurationException.class,
        () -> new ResilientDurableChain(ChainmailContext.builder().build()));
    assertTrue(missing.getMessage().contains("ChainmailContext.Builder#checkpointStore"), missing.getMessage());
  }
}
