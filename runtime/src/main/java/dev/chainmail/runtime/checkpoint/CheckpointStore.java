package dev.chainmail.runtime.checkpoint;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where durable runs keep their records: each run's entry, arguments and result, and each step's argument
 * fingerprint and result. {@link CheckpointStores} makes the stores that Chainmail ships: SQLite, the embedded
 * default, and one in memory for tests.
 *
 * <p>A proxy {@linkplain #claim claims} a run for the duration of its entry's call and loads all its records at
 * once, so that a step found recorded costs one map lookup, not a query. The other operations serve the
 * application: resuming unfinished runs at start-up, inspecting, deleting and purging.
 *
 * <p>Implementations are thread-safe. After {@link #close()}, every operation throws
 * {@link IllegalStateException}; so does an operation that fails in the store (an I/O or database error), with the
 * cause attached.
 */
public interface CheckpointStore extends AutoCloseable {

  /**
   * Claims a run exclusively for the caller, and loads all its records.
   *
   * <p>The claim is refused at once, without waiting, if another holder has the run: another process, another
   * thread, or another store object on the same file. It ends when {@link RunClaim#close()} is called or its holder
   * dies, whichever comes first.
   *
   * @param runId the run's id
   * @return the claim, with the run's records; a claim on a run never recorded has none
   * @throws NullPointerException if {@code runId} is null
   * @throws CheckpointClaimedException if another holder has the run
   */
  RunClaim claim(String runId);

  /**
   * Reads a run's entry record, without claiming the run.
   *
   * @param runId the run's id
   * @return the record; empty if no such run is recorded
   * @throws NullPointerException if {@code runId} is null
   */
  Optional<RunRecord> run(String runId);

  /**
   * Lists every run whose entry has not returned, runs with a step in doubt included, but those that a store with
   * recovery gave up on ({@link PostgresCheckpointStore#deadRuns()}).
   *
   * @return the runs' ids, oldest first
   */
  List<String> unfinishedRuns();

  /**
   * Lists the records of a run's {@code @Checkpoint} steps, not its entry's.
   *
   * @param runId the run's id
   * @return one record per recorded step or STARTED marker, in the order the steps were first recorded; empty if
   *     the run has no step records or is not recorded
   * @throws NullPointerException if {@code runId} is null
   */
  List<StepRecord> steps(String runId);

  /**
   * Deletes a run with all its records, finished or not, so that its id starts a new run.
   *
   * @param runId the run's id
   * @return {@code true} if the run was recorded
   * @throws NullPointerException if {@code runId} is null
   * @throws CheckpointClaimedException if another holder has the run, which is then left as it was
   */
  boolean deleteRun(String runId);

  /**
   * Deletes the runs whose entry returned before an instant, with all their records. Unfinished runs stay.
   *
   * @param instant the instant; a run that finished at it or later stays. Stores keep times in milliseconds.
   * @return how many runs were deleted
   * @throws NullPointerException if {@code instant} is null
   */
  int purgeFinishedBefore(Instant instant);

  /**
   * Closes the store, releasing what it holds, the claims it still has open included: their writes then throw
   * {@link IllegalStateException}. Closing a closed store does nothing.
   */
  @Override
  void close();
}
