package dev.chainmail.runtime.checkpoint;

import dev.chainmail.runtime.ChainmailContext;
import dev.chainmail.runtime.ConfigurationException;
import java.util.Arrays;
import java.util.Optional;

/**
 * The entry of durable runs: a chain method with a {@code @RunId} parameter. It opens a run for the duration of each
 * call, so that the {@code @Checkpoint} steps called meanwhile are recorded under it.
 *
 * <p>A generated proxy builds one per entry method when it is constructed, and writes each call out as:
 * <pre>{@code
 * CheckpointRun run = run$entry.enter(runId, ARGUMENTS_CODEC.encode(topic));
 * try {
 *   if (run.finished()) {
 *     return run.result(RESULT_CODEC);
 *   }
 *   Report result = super.run(runId, topic);
 *   run$entry.finish(run, RESULT_CODEC.encode(result));
 *   return result;
 * } finally {
 *   run$entry.exit(run);
 * }
 * }</pre>
 *
 * <p>A run is identified by its id alone, across chain classes and proxy instances, and is executed by one caller
 * at a time: an entry called with the id of a run that is open, in this thread or anywhere else, gets
 * {@link CheckpointClaimedException}. This includes an entry that calls itself, directly or not, with its own run's
 * id. An entry called with another id inside a run opens a nested run, with its own claim and records; the steps
 * called meanwhile record into the nested run, and the outer run is current again when it exits.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class RunEntry {

  private final String entry;
  private final CheckpointStore store;

  private RunEntry(String entry, CheckpointStore store) {
    this.entry = entry;
    this.store = store;
  }

  /**
   * Returns the entry of a chain method, recording its runs in the context's checkpoint store.
   *
   * @param entry the entry's id, as {@code com.example.ReportChain/run}, which is recorded with each run
   * @param context the proxy's context
   * @return the entry
   * @throws NullPointerException if an argument is null
   * @throws ConfigurationException if the context has no checkpoint store
   */
  public static RunEntry of(String entry, ChainmailContext context) {
    if (entry == null || context == null) {
      throw new NullPointerException(entry == null ? "entry" : "context");
    }
    return new RunEntry(entry, storeOf(entry, context));
  }

  /** @return the entry's id, as {@code com.example.ReportChain/run} */
  public String entry() {
    return entry;
  }

  /**
   * Opens a run: claims it, loads its records, records this entry and its arguments if the run is new, and makes
   * it the calling thread's current run. A run that was recorded before must have been started by this entry with
   * the same arguments, whether it finished or not.
   *
   * @param runId the run's id, the entry's {@code @RunId} argument
   * @param arguments the entry's other arguments, encoded
   * @return the open run; if it is {@linkplain CheckpointRun#finished() finished}, the proxy returns its recorded
   *     result. Either way the proxy calls {@link #exit} when done, in a {@code finally}.
   * @throws NullPointerException if an argument is null
   * @throws CheckpointClaimedException if another caller holds the run
   * @throws CheckpointMismatchException if the run was recorded by another entry or with other arguments; nothing
   *     is recorded then
   * @throws IllegalStateException if the store fails
   */
  public CheckpointRun enter(String runId, byte[] arguments) {
    if (runId == null) {
      throw new NullPointerException("the @RunId argument of " + entry + " is null; it names the run to open or"
          + " resume");
    }
    if (arguments == null) {
      throw new NullPointerException("arguments");
    }
    RunClaim claim = store.claim(runId);
    boolean entered = false;
    try {
      Optional<RunRecord> recorded = claim.run();
      byte[] result = null;
      if (recorded.isPresent()) {
        RunRecord run = recorded.get();
        check(runId, run, arguments);
        result = run.result();
      } else {
        claim.insertRun(entry, arguments);
      }
      CheckpointRun run = new CheckpointRun(runId, entry, claim, Checkpoints.current(), claim.stepRows(), result);
      Checkpoints.set(run);
      entered = true;
      return run;
    } finally {
      if (!entered) {
        claim.close();
      }
    }
  }

  private void check(String runId, RunRecord run, byte[] arguments) {
    if (!run.entry().equals(entry)) {
      throw new CheckpointMismatchException(runId, entry, "", Fingerprints.hex(Fingerprints.compute(run.arguments())),
          Fingerprints.hex(Fingerprints.compute(arguments)), "Run '" + runId + "' was started by entry "
          + run.entry() + ", not by " + entry + ": a run id names one run, of one entry. Nothing was recorded. Use"
          + " another run id, or resume the run through a chain that has " + run.entry() + ".");
    }
    if (!Arrays.equals(run.arguments(), arguments)) {
      throw new CheckpointMismatchException(runId, entry, "", Fingerprints.hex(Fingerprints.compute(run.arguments())),
          Fingerprints.hex(Fingerprints.compute(arguments)));
    }
  }

  /**
   * Records the entry's result, which finishes the run: calling the entry again with its id returns this result
   * without executing anything, until the run is deleted or purged.
   *
   * @param run the run, from {@link #enter}
   * @param result the entry's result, encoded
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code run} was opened by another entry
   * @throws IllegalStateException if the run is finished or exited already, or the store fails
   * @throws CheckpointClaimedException if the store finds that the run's claim was lost
   */
  public void finish(CheckpointRun run, byte[] result) {
    checkRun(run);
    if (result == null) {
      throw new NullPointerException("result");
    }
    run.finish(result);
  }

  /**
   * Closes the run: releases its claim and makes the thread's previous run current again. The proxy calls it on the
   * thread that entered the run, once its call is over, finished or not; calling it again does nothing.
   *
   * @param run the run, from {@link #enter}
   * @throws NullPointerException if {@code run} is null
   * @throws IllegalArgumentException if {@code run} was opened by another entry
   */
  public void exit(CheckpointRun run) {
    checkRun(run);
    run.exit();
  }

  private void checkRun(CheckpointRun run) {
    if (run == null) {
      throw new NullPointerException("run");
    }
    if (!run.entry().equals(entry)) {
      throw new IllegalArgumentException("run '" + run.runId() + "' was opened by entry " + run.entry() + ", not by "
          + entry);
    }
  }

  /**
   * Returns the recorded entry and arguments of a run, for a proxy's {@code resume(String runId)}, which calls that
   * entry again with those arguments.
   *
   * @param context the proxy's context
   * @param runId the run's id
   * @return the run's record: its entry's id, its arguments, and its result if it finished
   * @throws NullPointerException if an argument is null
   * @throws ConfigurationException if the context has no checkpoint store
   * @throws IllegalArgumentException if no run with this id is recorded
   * @throws IllegalStateException if the store fails
   */
  public static RunRecord recorded(ChainmailContext context, String runId) {
    if (context == null || runId == null) {
      throw new NullPointerException(context == null ? "context" : "runId");
    }
    return recordedIn(storeOf("resume", context), runId);
  }

  /**
   * Returns the recorded entry and arguments of a run in this entry's store, for a proxy's
   * {@code resume(String runId)}, which calls that entry, or another of its chain's, again with those arguments.
   *
   * @param runId the run's id
   * @return the run's record: its entry's id, its arguments, and its result if it finished
   * @throws NullPointerException if {@code runId} is null
   * @throws IllegalArgumentException if no run with this id is recorded
   * @throws IllegalStateException if the store fails
   */
  public RunRecord recorded(String runId) {
    if (runId == null) {
      throw new NullPointerException("runId");
    }
    return recordedIn(store, runId);
  }

  private static RunRecord recordedIn(CheckpointStore store, String runId) {
    Optional<RunRecord> run = store.run(runId);
    if (run.isEmpty()) {
      throw new IllegalArgumentException("no run '" + runId + "' is recorded in the checkpoint store, so it cannot"
          + " be resumed; resume takes the id of a run that an entry started, such as one of"
          + " CheckpointStore#unfinishedRuns()");
    }
    return run.get();
  }

  private static CheckpointStore storeOf(String user, ChainmailContext context) {
    Optional<CheckpointStore> store = context.checkpointStore();
    if (store.isEmpty()) {
      throw new ConfigurationException(user + ": a chain with a @RunId entry records its runs in a checkpoint"
          + " store, and its ChainmailContext has none. Build the context with"
          + " ChainmailContext.Builder#checkpointStore, for example"
          + " ChainmailContext.builder().checkpointStore(CheckpointStores.sqlite(Path.of(\"runs.db\"))).build()");
    }
    return store.get();
  }

  @Override
  public String toString() {
    return "RunEntry[" + entry + "]";
  }
}
