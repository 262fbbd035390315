package dev.chainmail.runtime.checkpoint;

/**
 * Thrown when a durable run cannot go on as recorded: its step was called with other arguments, its step is in
 * doubt, its record cannot be decoded, another caller holds the run, another worker took it over, or recovery gave
 * up on it. Each subclass names one cause; catch this class to handle them all.
 *
 * <p>The message names the run and says what is wrong and what to do about it. Instances are thread-safe.
 */
public abstract class CheckpointException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The run. */
  private final String runId;

  /**
   * Creates an exception about a run.
   *
   * @param runId the run's id
   * @param message the detail message, which names the run
   * @param cause the failure that led to this one, or {@code null}
   * @throws NullPointerException if {@code runId} is null
   */
  protected CheckpointException(String runId, String message, Throwable cause) {
    super(message, cause);
    if (runId == null) {
      throw new NullPointerException("runId");
    }
    this.runId = runId;
  }

  /**
   * Returns the run that this exception is about.
   *
   * @return the run's id, as its entry was given it
   */
  public String runId() {
    return runId;
  }

  /** Quotes a step for messages: {@code step 'draft' (key 0)}. */
  static String describeStep(String step, String key) {
    if (key.isEmpty()) {
      return "entry " + step;
    }
    return "step '" + step + "' (key " + key + ")";
  }
}
