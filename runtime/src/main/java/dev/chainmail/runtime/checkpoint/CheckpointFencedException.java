package dev.chainmail.runtime.checkpoint;

/**
 * Thrown when a worker writes to a run whose lease it has lost: it stalled past its lease (a GC pause, SIGSTOP, a
 * network partition) and another worker took the run over, with a later epoch. Nothing was written: the run now
 * belongs to the other worker, which executes it to its end. Instances are thread-safe.
 */
public final class CheckpointFencedException extends CheckpointException {

  private static final long serialVersionUID = 1L;

  /**
   * @param runId the run's id
   * @param epoch the epoch of the lease the writer held
   * @param current the run's current epoch, or -1 if unknown
   * @throws NullPointerException if {@code runId} is null
   */
  public CheckpointFencedException(String runId, long epoch, long current) {
    super(runId, "Run '" + runId + "' was taken over by another worker (lease epoch " + epoch + " is stale"
        + (current >= 0 ? "; the run is at epoch " + current : "") + "), so this worker's write was refused and"
        + " nothing was recorded. The other worker executes the run to its end; call the entry again to read"
        + " its result once it has.", null);
  }
}
