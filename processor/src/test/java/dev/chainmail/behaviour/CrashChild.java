package dev.chainmail.behaviour;

import dev.chainmail.runtime.ChainmailContext;
import dev.chainmail.runtime.checkpoint.CheckpointClaimedException;
import dev.chainmail.runtime.checkpoint.CheckpointFencedException;
import dev.chainmail.runtime.checkpoint.CheckpointStore;
import dev.chainmail.runtime.checkpoint.CheckpointStores;
import dev.chainmail.runtime.checkpoint.PostgresCheckpointStore;
import java.nio.file.Path;
import java.util.List;

/**
 * The child JVM of the crash tests: runs one {@link CrashChain} run on an SQLite store, and dies where its crash
 * mode says.
 *
 * <p>Arguments: the database file, the log file, the run id, the step count, and a crash mode
 * ({@link CrashChain.Crash#parse}), or {@code resume}, which resumes the run through the proxy's
 * {@code resume(runId)} with its recorded arguments and the step count ignored.
 *
 * <p>On standard output it prints {@code running} just before it calls the entry, each line it logs, and
 * {@code result <value>} when the entry returns. It exits with 0 when the run returned, {@link CrashChain#HALTED}
 * when the chain halted it, {@link #CLAIMED} if the run was claimed by someone else, and {@link #USAGE} on bad
 * arguments.
 */
final class CrashChild {

  static final int CLAIMED = 3;
  /** The exit code of a child whose run another worker took over while it stalled: its write was refused. */
  static final int FENCED = 4;
  static final int USAGE = 2;
  static final String FINISHED = "finished ";
  static final String RUNNING = "running";
  static final String RESULT = "result ";

  private CrashChild() {}

  public static void main(String[] args) {
    if (args.length != 5) {
      System.err.println("usage: CrashChild <db> <log> <runId> <steps> <none|slow|resume|halt-<point>:<step>>");
      System.exit(USAGE);
    }
    String runId = args[2];
    int steps = Integer.parseInt(args[3]);
    if (args[4].startsWith("seed:")) {
      seed(args, runId, steps, Integer.parseInt(args[4].substring("seed:".length())));
      return;
    }
    if (args[4].equals("work")) {
      work(args);
      return;
    }
    boolean resume = args[4].equals("resume");
    CrashChain.Crash crash = resume ? CrashChain.Crash.NONE : CrashChain.Crash.parse(args[4]);
    try (CheckpointStore store = args[0].startsWith("postgres:") ? PostgresCrashTest.openStore(args[0])
        : CheckpointStores.sqlite(Path.of(args[0]))) {
      ResilientCrashChain chain = new ResilientCrashChain(ChainmailContext.builder().checkpointStore(store).build(),
          Path.of(args[1]), crash, CrashChild::print);
      print(RUNNING);
      Object result = resume ? chain.resume(runId) : chain.run(runId, steps);
      print(RESULT + result);
    } catch (CheckpointClaimedException e) {
      e.printStackTrace();
      System.exit(CLAIMED);
    } catch (CheckpointFencedException e) {
      e.printStackTrace();
      System.exit(FENCED);
    }
  }

  private static void print(String line) {
    System.out.println(line);
    System.out.flush();
  }

  /** Starts {@code count} runs named {@code <prefix>-<i>}, each left unfinished by a throw at step 2. */
  private static void seed(String[] args, String prefix, int steps, int count) {
    try (CheckpointStore store = PostgresCrashTest.openStore(args[0])) {
      ResilientCrashChain chain = new ResilientCrashChain(ChainmailContext.builder().checkpointStore(store).build(),
          Path.of(args[1]), CrashChain.Crash.parse("throw:2"), line -> { });
      for (int i = 0; i < count; i++) {
        try {
          chain.run(prefix + "-" + i, steps);
        } catch (IllegalStateException expected) {
          // The run stays unfinished, with steps 0 and 1 recorded.
        }
      }
      print(RESULT + "seeded " + count);
    }
  }

  /** A worker of the fleet: recovers unfinished runs and resumes them, slowly, until none is left. */
  private static void work(String[] args) {
    try (CheckpointStore opened = PostgresCrashTest.openStore(args[0])) {
      PostgresCheckpointStore store = (PostgresCheckpointStore) opened;
      ResilientCrashChain chain = new ResilientCrashChain(ChainmailContext.builder().checkpointStore(store).build(),
          Path.of(args[1]), CrashChain.Crash.parse("slow"), line -> { });
      print(RUNNING);
      while (true) {
        List<String> claimed = store.claimUnfinished(4);
        if (claimed.isEmpty()) {
          if (store.unfinishedRuns().isEmpty()) {
            break;
          }
          // What is left is leased by other workers, the killed ones' until their leases run out, in real time
          // by the database's clock: a worker polls for it, as a real one would.
          Thread.sleep(50);
          continue;
        }
        for (String id : claimed) {
          chain.resume(id);
          print(FINISHED + id);
        }
      }
      print(RESULT + "done");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
