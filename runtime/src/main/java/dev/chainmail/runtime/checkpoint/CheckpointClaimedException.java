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
    this(runId, "Run '" + runId + "' is claimed by another caller that is executing it (another process,"
        + " another thread, or another store on the same file), and a run is executed by one caller at a time."
        + " Try again once it returns; a claim also ends when its holder dies.", cause);
  }

  /**
   * Creates an exception for a run leased by another worker of a shared store.
   *
   * @param runId the run's id
   * @param holder who holds the lease, as its host name and process id
   * @param expiresIn how long the lease runs yet without renewal, as text
   * @return the exception
   * @throws NullPointerException if {@code runId} is null
   */
  public static CheckpointClaimedException leased(String runId, String holder, String expiresIn) {
    return new CheckpointClaimedException(runId, "Run '" + runId + "' is leased by " + holder + ", which is"
        + " executing it, and a run is executed by one worker at a time. Try again once it returns; its lease, if"
        + " not renewed, ends in " + expiresIn + ", and another worker may then take the run over.", null);
  }

  private CheckpointClaimedException(String runId, String message, Throwable cause) {
    super(runId, message, cause);
  }


}
