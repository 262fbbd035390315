package dev.chainmail.behaviour;

import dev.chainmail.Checkpoint;
import dev.chainmail.RunId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A durable run of numbered steps for the crash tests. Each execution of a step appends {@code executed <runId>
 * <index>} to an append-only log and forces it to disk before the step returns, so that a parent can count the
 * executions of a child JVM it killed. The chain halts its JVM where its {@link Crash} says.
 */
class CrashChain {

  /** The exit code of a JVM that the chain halted; a JVM killed with SIGKILL exits with the same code. */
  static final int HALTED = 137;

  /** How long a slow step pauses before and after its effect, in milliseconds. */
  static final long PAUSE_MILLIS = 3;

  /** Where a child dies, if anywhere. */
  enum Point {
    /** Runs to the end. */
    NONE,
    /** Halts at the start of the step's body, before its effect. */
    BEFORE_BODY,
    /** Halts after the step's effect is logged, just before it returns: before the proxy commits its result. */
    AFTER_BODY,
    /** Halts in the entry right after the step returned through the proxy: after its result was committed. */
    AFTER_COMMIT,
    /** Pauses in every step, so that a kill at a random moment lands in the middle of the run. */
    SLOW,
    /** Throws at the start of the step's body, which leaves the run unfinished with the steps before recorded. */
    THROW
  }

  /**
   * A child's crash mode: {@code none}, {@code slow}, {@code throw:<step>}, or a point and a step, as
   * {@code halt-after-body:2}.
   */
  record Crash(Point point, int step) {

    static final Crash NONE = new Crash(Point.NONE, -1);

    static Crash parse(String mode) {
      if (mode.equals("none")) {
        return NONE;
      }
      if (mode.equals("slow")) {
        return new Crash(Point.SLOW, -1);
      }
      if (mode.startsWith("throw:")) {
        return new Crash(Point.THROW, Integer.parseInt(mode.substring("throw:".length())));
      }
      int colon = mode.indexOf(':');
      if (colon < 0 || !mode.startsWith("halt-")) {
        throw new IllegalArgumentException("unknown crash mode '" + mode + "'");
      }
      String point = mode.substring("halt-".length(), colon).replace('-', '_').toUpperCase(Locale.ROOT);
      return new Crash(Point.valueOf(point), Integer.parseInt(mode.substring(colon + 1)));
    }

    String mode() {
      return switch (point) {
        case NONE -> "none";
        case SLOW -> "slow";
        case THROW -> "throw:" + step;
        default -> "halt-" + point.name().toLowerCase(Locale.ROOT).replace('_', '-') + ":" + step;
      };
    }

    boolean haltsAt(Point at, int index) {
      return point == at && step == index;
    }
  }

  private final Path log;
  private final Crash crash;
  private final Consumer<String> progress;

  /**
   * @param log the append-only file of executions
   * @param crash where to halt the JVM, or to pause
   * @param progress is told each line logged, after it is on disk
   */
  CrashChain(Path log, Crash crash, Consumer<String> progress) {
    this.log = log;
    this.crash = crash;
    this.progress = progress;
  }

  public String run(@RunId String runId, int steps) {
    List<String> results = new ArrayList<>();
    for (int i = 0; i < steps; i++) {
      results.add(step(runId, i));
      haltAt(Point.AFTER_COMMIT, i);
    }
    return String.join(",", results);
  }

  @Checkpoint
  public String step(String runId, int index) {
    if (crash.haltsAt(Point.THROW, index)) {
      throw new IllegalStateException("thrown at step " + index + ", to leave run " + runId + " unfinished");
    }
    haltAt(Point.BEFORE_BODY, index);
    pause();
    String line = "executed " + runId + " " + index;
    append(line);
    progress.accept(line);
    pause();
    haltAt(Point.AFTER_BODY, index);
    return index + "=" + Integer.toHexString((runId + "/" + index).hashCode());
  }

  /**
   * Reads a log that steps of one run appended to.
   *
   * @return the indices of the steps executed, in the order they were logged; empty if there is no log
   * @throws IllegalStateException if a line is not whole, or is another run's
   */
  static List<Integer> executions(Path log, String runId) {
    if (Files.notExists(log)) {
      return List.of();
    }
    String prefix = "executed " + runId + " ";
    List<Integer> indices = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(log)) {
        if (!line.startsWith(prefix)) {
          throw new IllegalStateException("a line of " + log + " is not whole or not of run " + runId + ": '" + line
              + "'");
        }
        indices.add(Integer.parseInt(line.substring(prefix.length())));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + log, e);
    }
    return indices;
  }

  private void haltAt(Point at, int index) {
    if (crash.haltsAt(at, index)) {
      Runtime.getRuntime().halt(HALTED);
    }
  }

  /**
   * Runs only in the child JVM, in the slow mode of the random-kill test: a real pause, so that a SIGKILL sent at a
   * random moment lands in the middle of a step rather than between runs. Virtual time cannot stand in for it,
   * since the kill comes from another process in real time. The test JVM itself never sleeps.
   */
  private void pause() {
    if (crash.point() == Point.SLOW) {
      try {
        Thread.sleep(PAUSE_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted in a slow step", e);
      }
    }
  }

  private void append(String line) {
    ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
    try (FileChannel channel = FileChannel.open(log, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND)) {
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
      channel.force(true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot log to " + log, e);
    }
  }
}
