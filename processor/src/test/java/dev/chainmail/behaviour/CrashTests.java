package dev.chainmail.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.chainmail.behaviour.CrashChain.Crash;
import dev.chainmail.behaviour.CrashChain.Point;
import dev.chainmail.runtime.ChainmailContext;
import dev.chainmail.runtime.checkpoint.CheckpointClaimedException;
import dev.chainmail.runtime.checkpoint.CheckpointStore;
import dev.chainmail.runtime.checkpoint.CheckpointStores;
import dev.chainmail.runtime.checkpoint.RunRecord;
import dev.chainmail.runtime.checkpoint.StepRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Crash tests of a checkpoint store (issues 7 and 11), run by {@link CrashTest} on SQLite and by
 * {@link PostgresCrashTest} on PostgreSQL: child JVMs ({@link CrashChild}) that halt at a chosen point of a step or
 * are killed with SIGKILL at a random moment, and resumes in new JVMs. Each checks the promise of "record before
 * returning" against the log of executions the children force to disk: a step whose record was committed is never
 * executed again, the step that was running is executed again, and the result is an uninterrupted run's.
 *
 * <p>The random kills draw their delays from a seeded {@link Random}; every failure message names the seed, which
 * {@code -Dchainmail.crash.seed=...} fixes, and {@code -Dchainmail.crash.iterations=...} sets how many runs are
 * killed (30 by default).
 */
abstract class CrashTests {

  private static final long TIMEOUT_SECONDS = 30;
  private static final int STEPS = 5;
  private static final int MIDDLE = 2;
  private static final int RANDOM_STEPS = 8;
  private static final int MAX_KILLS_PER_RUN = 3;
  /** Runs tried per iteration until one is killed mid-run, which the delays make all but certain on the first. */
  private static final int MAX_ATTEMPTS = 5;
  private static final String EOF = "\0eof";

  @TempDir
  Path folder;

  private int children;

  /** Where a test's runs are kept, as the children are told: an SQLite file's path, or a PostgreSQL schema's. */
  abstract String database(String name);

  /** Opens the store of a {@link #database}, in this JVM. */
  abstract CheckpointStore open(String database);

  /** Checks the store's own integrity, beyond its records. */
  abstract void assertIntact(String database);

  /**
   * Claims a run whose holder was just killed, and releases it: at once on SQLite, whose claims die with their
   * process; on PostgreSQL once its lease has expired, which the test brings forward rather than wait for.
   *
   * @throws CheckpointClaimedException if the dead holder's claim outlived it
   */
  abstract void claimAfterKill(String database, CheckpointStore store, String runId);

  @ParameterizedTest(name = "halt {0} step " + MIDDLE)
  @EnumSource(value = Point.class, names = {"BEFORE_BODY", "AFTER_BODY", "AFTER_COMMIT"})
  void aHaltedRunResumesInANewJvmWithoutRepeatingACommittedStep(Point point) {
    String db = database("runs");
    Path log = folder.resolve("executions.log");
    String runId = "halt-" + point;
    Child halted = start(db, log, runId, STEPS, new Crash(point, MIDDLE).mode());
    assertEquals(CrashChain.HALTED, halted.exit(), halted.describe("did not halt"));

    boolean bodyRan = point != Point.BEFORE_BODY;
    boolean committed = point == Point.AFTER_COMMIT;
    List<Integer> loggedAtCrash = range(0, bodyRan ? MIDDLE + 1 : MIDDLE);
    List<Integer> done = range(0, committed ? MIDDLE + 1 : MIDDLE);
    assertEquals(loggedAtCrash, CrashChain.executions(log, runId), "executions before the halt");
    try (CheckpointStore store = open(db)) {
      assertEquals(List.of(runId), store.unfinishedRuns());
      assertEquals(done, doneSteps(store, runId), "steps committed before the halt");
      claimAfterKill(db, store, runId);
    }

    Child resumed = start(db, log, runId, STEPS, "resume");
    assertEquals(0, resumed.exit(), resumed.describe("did not resume"));
    String expected = uninterrupted(runId, STEPS);
    assertEquals(expected, resumed.result(), resumed.describe("resumed to another result"));
    List<Integer> all = new ArrayList<>(loggedAtCrash);
    all.addAll(range(done.size(), STEPS));
    assertEquals(all, CrashChain.executions(log, runId), "the resume executes exactly the steps not committed, the one that"
        + " was running included, and none of those committed");

    try (CheckpointStore store = open(db)) {
      ResilientCrashChain replay = new ResilientCrashChain(context(store), log, Crash.NONE, line -> { });
      assertEquals(expected, replay.run(runId, STEPS), "a finished run replays its recorded result");
      assertEquals(List.of(), store.unfinishedRuns());
      assertEquals(range(0, STEPS), doneSteps(store, runId));
    }
    assertEquals(all, CrashChain.executions(log, runId), "the replay of a finished run executes nothing");
    assertIntact(db);
  }

  @Test
  void aKilledChildsClaimIsReleased() throws Exception {
    String db = database("claims");
    Path log = folder.resolve("claims.log");
    int steps = 200;
    Child child = start(db, log, "claimed", steps, "slow");
    child.awaitLine("executed claimed 0");
    try (CheckpointStore store = open(db)) {
      CheckpointClaimedException held = assertThrows(CheckpointClaimedException.class, () -> store.claim("claimed"),
          "a live child holds its run");
      assertEquals("claimed", held.runId());

      assertEquals(CrashChain.HALTED, child.kill(), child.describe("was not killed"));
      claimAfterKill(db, store, "claimed");
    }
    Child resumed = start(db, log, "claimed", steps, "none");
    assertEquals(0, resumed.exit(), resumed.describe("did not resume at once"));
    assertEquals(uninterrupted("claimed", steps), resumed.result());
  }

  @Test
  void randomKillsNeverRepeatACommittedStep() throws Exception {
    long seed = Long.getLong("chainmail.crash.seed", System.nanoTime());
    int iterations = Integer.getInteger("chainmail.crash.iterations", 30);
    Random random = new Random(seed);
    String db = database("random");
    int runMillis = slowRunMillis(db);
    int kills = 0;
    for (int i = 0; i < iterations; i++) {
      String where = "seed " + seed + ", slow run " + runMillis + " ms, iteration " + i;
      int midRun = 0;
      for (int attempt = 0; midRun == 0; attempt++) {
        assertTrue(attempt < MAX_ATTEMPTS, where + ": no kill landed mid-run in " + MAX_ATTEMPTS + " runs");
        midRun = killUntilFinished(db, "random-" + i + "-" + attempt, random, runMillis, where);
      }
      kills += midRun;
    }
    assertTrue(kills >= iterations, "seed " + seed + ": " + kills + " kills mid-run in " + iterations + " runs");
    try (CheckpointStore store = open(db)) {
      assertEquals(List.of(), store.unfinishedRuns(), "seed " + seed);
    }
    assertIntact(db);
  }

  /**
   * Times an uninterrupted slow run in a child, from its {@code running} to its result, so that kill delays drawn
   * below it land anywhere in a run on this machine, from the claim to the entry's commit.
   *
   * @return the run's duration in milliseconds, at least 1
   */
  private int slowRunMillis(String db) throws InterruptedException {
    Child child = start(db, folder.resolve("timed.log"), "timed", RANDOM_STEPS, "slow");
    child.awaitLine(CrashChild.RUNNING);
    long started = System.nanoTime();
    child.awaitLine(CrashChild.RESULT);
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    assertEquals(0, child.exit(), child.describe("did not finish"));
    return (int) Math.max(1, millis);
  }

  /**
   * Runs one run to the end through children killed at random moments, the first always, and checks the log
   * against the store's records after each kill and at the end.
   *
   * @return how many children were killed before the run finished: 0 if the first finished before its kill
   */
  private int killUntilFinished(String db, String runId, Random random, int runMillis, String where)
      throws Exception {
    Path log = folder.resolve(runId + ".log");
    List<Kill> kills = new ArrayList<>();
    StringBuilder story = new StringBuilder(where).append(", run ").append(runId);
    while (true) {
      boolean kill = kills.isEmpty() || kills.size() < MAX_KILLS_PER_RUN && random.nextInt(3) == 0;
      long delay = random.nextInt(runMillis);
      Child child = start(db, log, runId, RANDOM_STEPS, "slow");
      child.awaitLine(CrashChild.RUNNING);
      if (!kill) {
        story.append("; ").append(child.name).append(" left to finish");
        assertEquals(0, child.exit(), child.describe(story + ": did not finish"));
        assertEquals(uninterrupted(runId, RANDOM_STEPS), child.result(), child.describe(story.toString()));
        break;
      }
      child.process.waitFor(delay, TimeUnit.MILLISECONDS);
      int exit = child.kill();
      story.append("; ").append(child.name).append(" killed after ").append(delay).append(" ms");
      if (exit == 0) {
        story.append(", but it had finished");
        assertEquals(uninterrupted(runId, RANDOM_STEPS), child.result(), child.describe(story.toString()));
        break;
      }
      assertEquals(CrashChain.HALTED, exit, child.describe(story + ": not killed by SIGKILL"));
      kills.add(afterKill(db, log, runId, delay, story));
    }
    checkLog(CrashChain.executions(log, runId), kills, story.toString());
    try (CheckpointStore store = open(db)) {
      assertEquals(range(0, RANDOM_STEPS), doneSteps(store, runId), story.toString());
      assertTrue(!store.unfinishedRuns().contains(runId), story.toString());
    }
    return (int) kills.stream().filter(Kill::midRun).count();
  }

  /** What the store and the log held right after a kill: the log's length, the committed steps, the run's end. */
  private record Kill(long delay, int logged, List<Integer> done, boolean midRun) {}

  private Kill afterKill(String db, Path log, String runId, long delay, StringBuilder story) {
    List<Integer> logged = CrashChain.executions(log, runId);
    List<Integer> done;
    boolean finished;
    try (CheckpointStore store = open(db)) {
      done = doneSteps(store, runId);
      finished = store.run(runId).map(RunRecord::finished).orElse(false);
      story.append(" with ").append(logged.size()).append(" executions logged, steps ").append(done)
          .append(finished ? " committed and the run finished" : " committed");
      assertTrue(!finished || done.size() == RANDOM_STEPS, story + ": a finished run has every step");
      claimAfterKill(db, store, runId);
    } catch (CheckpointClaimedException e) {
      throw new AssertionError(story + ": the killed child's claim outlived it", e);
    }
    assertEquals(range(0, done.size()), done, story + ": steps commit in order");
    assertTrue(logged.containsAll(done), story + ": a committed step was executed before its commit");
    assertIntact(db);
    return new Kill(delay, logged.size(), done, !finished);
  }

  /**
   * Checks the whole log of a run: each step executed at least once and at most once more than the kills, and no
   * step executed again after a kill that found it committed.
   */
  private static void checkLog(List<Integer> log, List<Kill> kills, String story) {
    for (Kill kill : kills) {
      List<Integer> after = log.subList(kill.logged(), log.size());
      for (int step : kill.done()) {
        assertTrue(!after.contains(step), story + ": step " + step + " was committed before the kill after "
            + kill.delay() + " ms, and executed again: " + log);
      }
    }
    for (int step = 0; step < RANDOM_STEPS; step++) {
      int count = Collections.frequency(log, step);
      assertTrue(count >= 1 && count <= 1 + kills.size(), story + ": step " + step + " executed " + count
          + " times: " + log);
    }
  }

  String uninterrupted(String runId, int steps) {
    try (CheckpointStore store = CheckpointStores.inMemory()) {
      Path log = folder.resolve("uninterrupted.log");
      return new ResilientCrashChain(context(store), log, Crash.NONE, line -> { }).run(runId, steps);
    }
  }

  private static ChainmailContext context(CheckpointStore store) {
    return ChainmailContext.builder().checkpointStore(store).build();
  }

  static List<Integer> doneSteps(CheckpointStore store, String runId) {
    List<Integer> done = new ArrayList<>();
    for (StepRecord step : store.steps(runId)) {
      assertEquals("step", step.name());
      assertTrue(step.done(), "a step without at-most-once never leaves a STARTED marker: " + step);
      done.add(Integer.parseInt(step.key()));
    }
    return done;
  }

  static List<Integer> range(int from, int to) {
    return IntStream.range(from, to).boxed().toList();
  }

  Child start(String db, Path log, String runId, int steps, String mode) {
    String name = "child " + ++children;
    Path stderr = folder.resolve("child-" + children + ".err");
    Path tmp = folder.resolve("tmp");
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.io.tmpdir=" + tmp,
        "-cp", System.getProperty("java.class.path"), CrashChild.class.getName(),
        db, log.toString(), runId, Integer.toString(steps), mode);
    try {
      Files.createDirectories(tmp);
      Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
      return new Child(name + " (" + runId + ", " + mode + ")", process, stderr);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command, e);
    }
  }

  /** A child JVM, its standard output read line by line as it comes, its standard error in a file. */
  static final class Child {

    final String name;
    final Process process;
    private final Path stderr;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> output = Collections.synchronizedList(new ArrayList<>());
    private final Thread reader;

    Child(String name, Process process, Path stderr) {
      this.name = name;
      this.process = process;
      this.stderr = stderr;
      this.reader = new Thread(this::read, name + " stdout");
      reader.setDaemon(true);
      reader.start();
    }

    private void read() {
      try (BufferedReader in = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          output.add(line);
          lines.add(line);
        }
      } catch (IOException e) {
        output.add("(stdout unreadable: " + e + ")");
      } finally {
        lines.add(EOF);
      }
    }

    /** Waits for a line that starts with {@code expected}, failing if the child ends first or takes too long. */
    void awaitLine(String expected) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
      while (true) {
        String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        if (line == null || line.equals(EOF)) {
          process.destroyForcibly();
          fail(describe(line == null ? "printed no '" + expected + "' within " + TIMEOUT_SECONDS + " s"
              : "ended its output before '" + expected + "'"));
        }
        if (line.startsWith(expected)) {
          return;
        }
      }
    }

    /** Waits for the child to exit, and for its output to end. */
    int exit() {
      try {
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          fail(describe("did not exit within " + TIMEOUT_SECONDS + " s"));
        }
        reader.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(describe("was not waited for"), e);
      }
      return process.exitValue();
    }

    /** Kills the child with SIGKILL, and waits for it to exit. */
    int kill() {
      process.destroyForcibly();
      return exit();
    }

    /** @return every line the child printed so far */
    List<String> output() {
      synchronized (output) {
        return List.copyOf(output);
      }
    }

    /** @return the run's result that the child printed; fails if it printed none */
    String result() {
      synchronized (output) {
        for (String line : output) {
          if (line.startsWith(CrashChild.RESULT)) {
            return line.substring(CrashChild.RESULT.length());
          }
        }
      }
      return fail(describe("printed no result"));
    }

    String describe(String what) {
      String errors;
      try {
        errors = Files.exists(stderr) ? Files.readString(stderr) : "";
      } catch (IOException e) {
        errors = "(unreadable: " + e + ")";
      }
      String exit = process.isAlive() ? "running" : "exit " + process.exitValue();
      synchronized (output) {
        return name + " " + what + "; " + exit + "\n--- stdout:\n" + String.join("\n", output) + "\n--- stderr:\n"
            + errors;
      }
    }
  }
}
