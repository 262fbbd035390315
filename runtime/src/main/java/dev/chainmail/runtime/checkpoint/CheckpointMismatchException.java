package dev.chainmail.runtime.checkpoint;

/**
 * Thrown when a resumed run calls a recorded step, or its entry, with arguments other than those recorded: the
 * chain did not replay the same way. Nothing is recorded and the run is left as it was.
 *
 * <p>The message names the run, the step and both fingerprints. For the entry, {@link #step()} is the entry's id,
 * as {@code com.example.ReportChain/run}, and {@link #key()} is the empty string. Instances are thread-safe.
 */
public final class CheckpointMismatchException extends CheckpointException {

  private static final long serialVersionUID = 1L;

  private final String step;
  private final String key;
  private final String recordedFingerprint;
  private final String actualFingerprint;

  /**
   * Creates an exception for a step whose arguments do not match its record.
   *
   * @param runId the run's id
   * @param step the step's name, or the entry's id
   * @param key the step's key (its occurrence number or {@code @StepKey} value, as text); empty for the entry
   * @param recordedFingerprint the recorded arguments' fingerprint, in hexadecimal
   * @param actualFingerprint the fingerprint of the arguments of this call, in hexadecimal
   * @throws NullPointerException if any argument is null
   */
  public CheckpointMismatchException(String runId, String step, String key, String recordedFingerprint,
      String actualFingerprint) {
    this(runId, step, key, recordedFingerprint, actualFingerprint,
        "Run '" + runId + "': " + describeStep(step, key) + " was called with other arguments than recorded"
            + " (recorded fingerprint " + recordedFingerprint + ", this call " + actualFingerprint + "): the chain"
            + " did not replay the same way. Nothing was recorded. Make the arguments the same on every replay, "
            + (key.isEmpty() ? "call the entry with the arguments it was first called with (resume does),"
                : "use @Checkpoint(onMismatch = Checkpoint.OnMismatch.RERUN) to execute the step again,")
            + " or start over with CheckpointStore#deleteRun(\"" + runId + "\").");
  }

  /**
   * Creates an exception with a message of the caller's, for a mismatch that is not about arguments alone, such as
   * a run recorded by another entry.
   *
   * @param runId the run's id
   * @param step the step's name, or the entry's id
   * @param key the step's key as text; empty for the entry
   * @param recordedFingerprint the recorded fingerprint, in hexadecimal
   * @param actualFingerprint the fingerprint of this call, in hexadecimal
   * @param message the detail message, which names the run and the step
   * @throws NullPointerException if any argument is null
   */
  public CheckpointMismatchException(String runId, String step, String key, String recordedFingerprint,
      String actualFingerprint, String message) {
    super(runId, message, null);
    this.step = requireNonNull(step, "step");
    this.key = requireNonNull(key, "key");
    this.recordedFingerprint = requireNonNull(recordedFingerprint, "recordedFingerprint");
    this.actualFingerprint = requireNonNull(actualFingerprint, "actualFingerprint");
  }

  private static String requireNonNull(String value, String name) {
    if (value == null) {
      throw new NullPointerException(name);
    }
    return value;
  }

  /** @return the step's name, or for the entry its id, as {@code com.example.ReportChain/run} */
  public String step() {
    return step;
  }

  /** @return the step's key (occurrence number or {@code @StepKey} value, as text); empty for the entry */
  public String key() {
    return key;
  }

  /** @return the fingerprint of the recorded arguments, in lower-case hexadecimal */
  public String recordedFingerprint() {
    return recordedFingerprint;
  }

  /** @return the fingerprint of the arguments of the call that failed, in lower-case hexadecimal */
  public String actualFingerprint() {
    return actualFingerprint;
  }
}
