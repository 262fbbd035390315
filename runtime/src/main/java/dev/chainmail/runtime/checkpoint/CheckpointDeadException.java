package dev.chainmail.runtime.checkpoint;

/**
 * Thrown when a run's entry is called, or the run resumed, after recovery gave up on it: its first execution and
 * {@code maxRecoveryAttempts} takeovers all ended without finishing it, as a run that crashes its worker every time
 * would, and the next takeover marked it dead instead of executing it. Nothing was executed. The run stays in the
 * store, with its steps, for a person to look at: {@link PostgresCheckpointStore#deadRuns()} lists it, and
 * {@link CheckpointStore#deleteRun} removes it. Instances are thread-safe.
 */
public final class CheckpointDeadException extends CheckpointException {

  private static final long serialVersionUID = 1L;

  /**
   * @param runId the run's id
   * @param maxRecoveryAttempts the takeovers the store allowed it
   * @throws NullPointerException if {@code runId} is null
   */
  public CheckpointDeadException(String runId, int maxRecoveryAttempts) {
    super(runId, "Run '" + runId + "' is dead: its first execution and " + maxRecoveryAttempts + " recovery"
        + " attempts all ended without finishing it, so it is not executed again. Find out why from its steps"
        + " (store.steps(\"" + runId + "\")) and the logs of the workers that ran it; delete it with"
        + " store.deleteRun(\"" + runId + "\") to start it anew, or give the store a larger"
        + " PostgresOptions.maxRecoveryAttempts for runs that need more.", null);
  }
}
