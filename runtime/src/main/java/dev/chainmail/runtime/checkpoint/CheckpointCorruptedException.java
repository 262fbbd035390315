package dev.chainmail.runtime.checkpoint;

/**
 * Thrown when a recorded value, a step's result or a finished run's result, cannot be decoded: its bytes are
 * damaged, or were written for another shape of its type. The value is not returned; a wrong value never is.
 *
 * <p>The cause says what the codec found. A type whose shape changed needs its old records deleted, with
 * {@link CheckpointStore#deleteRun(String)} or {@link CheckpointStore#purgeFinishedBefore}. For the entry's result,
 * {@link #step()} is the entry's id and {@link #key()} is empty. Instances are thread-safe.
 */
public final class CheckpointCorruptedException extends CheckpointException {

  private static final long serialVersionUID = 1L;

  private final String step;
  private final String key;

  /**
   * Creates an exception for a record that cannot be decoded.
   *
   * @param runId the run's id
   * @param step the step's name, or the entry's id
   * @param key the step's key as text; empty for the entry
   * @param cause what the codec threw
   * @throws NullPointerException if {@code runId}, {@code step} or {@code key} is null
   */
  public CheckpointCorruptedException(String runId, String step, String key, Throwable cause) {
    super(runId, "Run '" + runId + "': the recorded result of " + describeStep(step, key) + " cannot be decoded ("
        + (cause == null ? "no cause given" : cause.getMessage()) + "), so it is not returned. The record is"
        + " damaged, or was written for another shape of its type; start over with CheckpointStore#deleteRun(\""
        + runId + "\").", cause);
    if (step == null || key == null) {
      throw new NullPointerException(step == null ? "step" : "key");
    }
    this.step = step;
    this.key = key;
  }

  /** @return the step's name, or for the entry its id */
  public String step() {
    return step;
  }

  /** @return the step's key as text; empty for the entry */
  public String key() {
    return key;
  }
}
