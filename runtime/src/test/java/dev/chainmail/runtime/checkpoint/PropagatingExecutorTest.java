package dev.chainmail.runtime.checkpoint;

import static dev.chainmail.runtime.checkpoint.TestCodecs.STRING;
import static dev.chainmail.runtime.checkpoint.TestCodecs.arguments;
import static dev.chainmail.runtime.checkpoint.TestCodecs.stepArguments;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainmail.runtime.ChainmailContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PropagatingExecutorTest {

  private final CheckpointStore store = CheckpointStores.inMemory();
  private final RunEntry entry = RunEntry.of("com.example.Chain/run",
      ChainmailContext.builder().checkpointStore(store).build());
  private final ExecutorService pool = Executors.newFixedThreadPool(2);

  @AfterEach
  void shutDown() throws InterruptedException {
    pool.shutdownNow();
    assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
    store.close();
  }

  @Test
  void tasksRunWithTheSubmittersRunAndWorkersGetTheirOwnStateBack() throws Exception {
    AtomicReference<CheckpointRun> seen = new AtomicReference<>();
    CheckpointRun run = entry.enter("r1", arguments());
    try {
      CompletableFuture.runAsync(() -> seen.set(Checkpoints.current()), Checkpoints.propagating(pool))
          .get(10, TimeUnit.SECONDS);
    } finally {
      entry.exit(run);
    }
    assertSame(run, seen.get());
    for (int i = 0; i < 4; i++) {
      assertNull(pool.submit(Checkpoints::current).get(10, TimeUnit.SECONDS));
    }
  }

  @Test
  void aWorkerInsideItsOwnRunGetsThatRunBackAfterEachTask() {
    Queue<Runnable> queue = new ArrayDeque<>();
    CheckpointRun submitter = entry.enter("submitter", arguments());
    try {
      Checkpoints.propagating(queue::add).execute(() -> assertEquals("submitter", Checkpoints.current().runId()));
    } finally {
      entry.exit(submitter);
    }
    CheckpointRun worker = entry.enter("worker", arguments());
    try {
      queue.remove().run();
      assertSame(worker, Checkpoints.current());
      Checkpoints.propagating(queue::add).execute(() -> {
        throw new IllegalStateException("task failed");
      });
      assertThrows(IllegalStateException.class, () -> queue.remove().run());
      assertSame(worker, Checkpoints.current());
    } finally {
      entry.exit(worker);
    }
    assertNull(Checkpoints.current());
  }

  @Test
  void aTaskSubmittedOutsideAnyRunRunsOutsideAnyRun() {
    Queue<Runnable> queue = new ArrayDeque<>();
    AtomicReference<CheckpointRun> seen = new AtomicReference<>();
    Checkpoints.propagating(queue::add).execute(() -> seen.set(Checkpoints.current()));
    CheckpointRun run = entry.enter("r1", arguments());
    try {
      queue.remove().run();
      assertSame(run, Checkpoints.current());
    } finally {
      entry.exit(run);
    }
    assertNull(seen.get());
  }

  @Test
  void parallelKeyedStepsRecordIntoTheSubmittersRunAndReplay() throws Exception {
    StepPolicy fetch = StepPolicy.of("fetch", false, false);
    List<String> executed = Collections.synchronizedList(new ArrayList<>());
    for (int attempt = 0; attempt < 2; attempt++) {
      CheckpointRun run = entry.enter("parallel", arguments());
      try {
        List<CompletableFuture<String>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
          int page = i;
          results.add(CompletableFuture.supplyAsync(() -> {
            StepCall call = fetch.begin(Checkpoints.current(), page, stepArguments("page " + page));
            if (call.done()) {
              return call.decode(STRING);
            }
            executed.add("page " + page);
            String value = "content " + page;
            call.commit(STRING, value);
            return value;
          }, Checkpoints.propagating(pool)));
        }
        for (int i = 0; i < 8; i++) {
          assertEquals("content " + i, results.get(i).get(10, TimeUnit.SECONDS));
        }
      } finally {
        entry.exit(run);
      }
    }
    assertEquals(8, executed.size());
    Set<String> keys = new HashSet<>();
    for (StepRecord step : store.steps("parallel")) {
      keys.add(step.key());
    }
    assertEquals(Set.of("0", "1", "2", "3", "4", "5", "6", "7"), keys);
  }

  @Test
  void occurrencesAreCountedPerRunAcrossThreads() throws Exception {
    StepPolicy tick = StepPolicy.of("tick", false, false);
    CheckpointRun run = entry.enter("counted", arguments());
    try {
      List<CompletableFuture<Void>> done = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        done.add(CompletableFuture.runAsync(
            () -> tick.begin(Checkpoints.current(), stepArguments()).commit(STRING, "t"), Checkpoints.propagating(pool)));
      }
      for (CompletableFuture<Void> future : done) {
        future.get(10, TimeUnit.SECONDS);
      }
    } finally {
      entry.exit(run);
    }
    Set<String> keys = new HashSet<>();
    for (StepRecord step : store.steps("counted")) {
      keys.add(step.key());
    }
    assertEquals(20, keys.size());
    assertTrue(keys.contains("0") && keys.contains("19"), keys.toString());
  }

  @Test
  void nullsAreRefused() {
    assertThrows(NullPointerException.class, () -> Checkpoints.propagating(null));
    assertThrows(NullPointerException.class, () -> Checkpoints.propagating(Runnable::run).execute(null));
  }
}
