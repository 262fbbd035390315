package dev.chainmail.runtime.checkpoint;

/**
 * Thrown when a resumed run reaches an at-most-once step ({@code @Checkpoint(atMostOnce = true)}) that was started
 * before but whose result was never recorded: it may or may not have taken effect, so it is not executed again.
 * Nothing is recorded.
 *
 * <p>Find out whether the step took effect; then either start the run over with
 * {@link CheckpointStore#deleteRun(String)}, or leave it. Instances are thread-safe.
 */
public final class CheckpointInDoubtException extends CheckpointException {

  private static final long serialVersionUID = 1L;

  private final String step;
  private final String key;

  /**
   * Creates an exception for a step found started and not finished.
   *
   * @param runId the run's id
   * @param step the step's name
   * @param key the step's key (its occurrence number or {@code @StepKey} value, as text)
   * @throws NullPointerException if any argument is null
   */
  public CheckpointInDoubtException(String runId, String step, String key) {
    super(runId, "Run '" + runId + "': " + describeStep(step, key) + " is at most once, and it was started"
        + " before without its result being recorded: it may or may not have taken effect, so it is not executed"
        + " again. Find out whether it did, then start over with CheckpointStore#deleteRun(\"" + runId
        + "\") or leave the run unfinished.", null);
    if (step == null || key == null) {
      throw new NullPointerException(step == null ? "step" : "key");
    }
    this.step = step;
    this.key = key;
  }

  /** @return the step's name */
  public String step() {
    return step;
  }

  /** @return the step's key (its occurrence number or {@code @StepKey} value, as text) */
  public String key() {
    return key;
  }
}
