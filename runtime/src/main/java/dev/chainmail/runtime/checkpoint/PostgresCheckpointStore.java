package dev.chainmail.runtime.checkpoint;

import java.util.List;

/**
 * A checkpoint store on PostgreSQL, shared by workers on several machines: {@link CheckpointStores#postgres}
 * makes it. Beside the {@link CheckpointStore} operations, it recovers the runs that a dead worker left unfinished.
 * A worker executes a run only while it holds the run's lease, whose expiry the database's clock decides, and every
 * write checks the lease's epoch in its own statement, so that a worker that lost its lease can never commit.
 *
 * <p>Implementations are thread-safe.
 */
public interface PostgresCheckpointStore extends CheckpointStore {

  /**
   * Picks up to {@code max} unfinished runs that no live lease holds, and leases them to the caller for one lease
   * period, without waiting for other workers; two concurrent callers never receive the same run. The caller then
   * resumes each with its proxy's {@code resume(runId)}, which continues that lease. Each pick counts as a recovery
   * attempt of the run, as does an entry call that takes an expired lease over from a holder that never released
   * it. A run's first execution and {@code maxRecoveryAttempts} attempts may execute; the attempt after them marks
   * the run dead instead: it is not picked, and goes to {@link #deadRuns()}.
   *
   * @param max the most runs to pick; at least 1
   * @return the runs picked, oldest first
   * @throws IllegalArgumentException if {@code max} is less than 1
   */
  List<String> claimUnfinished(int max);

  /**
   * Lists the unfinished runs that recovery has given up on: their first execution and {@code maxRecoveryAttempts}
   * recovery attempts ended without finishing them, as a run that crashes its worker every time would, and the
   * next attempt marked them dead. A dead run is absent from {@link #unfinishedRuns()} and never picked by
   * {@link #claimUnfinished}; calling its entry fails with {@link CheckpointDeadException}. It keeps its steps until
   * {@link #deleteRun} removes it.
   *
   * @return their ids, oldest first
   */
  List<String> deadRuns();
}
