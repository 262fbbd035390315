package dev.chainmail.runtime.checkpoint;

/**
 * What {@link CheckpointStore#steps(String)} reports of one recorded step of a run.
 *
 * <p>This record is immutable and thread-safe.
 *
 * @param name the step's name: its {@code @Checkpoint(name = ...)}, or its method's name
 * @param key the occurrence number of the step's name in the run, counted from 0 ({@code "0"} for its first call),
 *     or the value of its {@code @StepKey} parameter, as text
 * @param done {@code true} if the step's result is recorded; {@code false} for the STARTED marker of an
 *     at-most-once step whose result was never recorded
 */
public record StepRecord(String name, String key, boolean done) {

  /**
   * Creates a step record.
   *
   * @throws NullPointerException if {@code name} or {@code key} is null
   */
  public StepRecord {
    if (name == null || key == null) {
      throw new NullPointerException(name == null ? "name" : "key");
    }
  }
}
