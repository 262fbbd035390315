package dev.chainmail.runtime.checkpoint;

/**
 * Thrown at once, without waiting, when a run is claimed by another caller that is executing it: another process,
 * another thread, or another store object on the same file. A run is executed by one caller at a time, so that no
 * step of it runs twice at once.
 *
 * <p>A claim ends when its holder's entry returns, or when its holder dies; a resume after a crash never waits for
 * an expiry. Try again later, or leave the run to its holder. Instances are thread-safe.
 */
public final class CheckpointClaimedException extends CheckpointException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception for a run held by another caller.
   *
   * @param runId the run's id
   * @throws NullPointerException if {@code runId} is null
   */
  public CheckpointClaimedException(String runId) {
    this(runId, null);
  }

  /**
   * Creates an exception for a run held by another caller, with the failure that revealed it.
   *
   * @param runId the run's id
   * @param cause the failure that revealed the claim, such as an {@code OverlappingFileLockException}, or null
   * @throws NullPointerException if {@code runId} is null
   */
  public CheckpointClaimedException(String runId, Throwable cause) {
    super(runId, "Run '" + runId + "' is claimed by another caller that is executing it (another process,"
        + " another thread, or another store on the same file), and a run is executed by one caller at a time."
        + " Try again once it returns; a claim also ends when its holder dies.", cause);
  }
}
