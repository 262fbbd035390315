package dev.chainmail.runtime.checkpoint;

/**
 * One call of a {@code @Checkpoint} step in a run, as {@link StepPolicy#begin} found it: either {@link #done()},
 * with a recorded result that the proxy returns through {@link #decode(Codec)} without executing the step, or to be
 * executed, after which the proxy records the result with {@link #commit(Codec, Object)} before returning it.
 *
 * <p>A done call is immutable and may be shared; a call to be executed is committed once, from any thread. This
 * class is thread-safe.
 */
public final class StepCall {

  final CheckpointRun run;
  final StepTable table;
  final String key;
  /** The sequence number; -1 until assigned, at the commit of a step without a STARTED marker. */
  final long seq;
  final byte[] fingerprint;
  final byte[] result;
  /**
   * Whether the key is the step's own ({@code @StepKey}), which the run may be asked for again, so that it keeps
   * the record once committed; a key counted by occurrence is asked for once per execution of the run.
   */
  final boolean keyed;
  /** Whether a call to be executed was committed; guarded by the run's lock. */
  boolean committed;

  StepCall(CheckpointRun run, StepTable table, String key, long seq, byte[] fingerprint, byte[] result) {
    this(run, table, key, seq, fingerprint, result, true);
  }

  StepCall(CheckpointRun run, StepTable table, String key, long seq, byte[] fingerprint, byte[] result,
      boolean keyed) {
    this.run = run;
    this.table = table;
    this.key = key;
    this.seq = seq;
    this.fingerprint = fingerprint;
    this.result = result;
    this.keyed = keyed;
  }

  /** @return {@code true} if the step's result is recorded, and the step is not to be executed */
  public boolean done() {
    return result != null;
  }

  /** @return the step's name */
  public String name() {
    return table.name;
  }

  /** @return the step's key: its occurrence number from 0, or its {@code @StepKey} value, as text */
  public String key() {
    return key;
  }

  /**
   * Decodes the recorded result of a done step.
   *
   * @param <T> the step's result type
   * @param codec the codec of the step's result type
   * @return the recorded result
   * @throws NullPointerException if {@code codec} is null
   * @throws IllegalStateException if the step is not {@linkplain #done() done}
   * @throws CheckpointCorruptedException naming the run and the step, if the codec fails on the recorded bytes, for
   *     whatever reason
   */
  public <T> T decode(Codec<T> codec) {
    if (codec == null) {
      throw new NullPointerException("codec");
    }
    if (result == null) {
      throw new IllegalStateException("run '" + run.runId() + "': step '" + table.name + "' (key " + key
          + ") has no recorded result to decode; execute it and commit its result");
    }
    try {
      return codec.decode(result);
    } catch (RuntimeException e) {
      throw new CheckpointCorruptedException(run.runId(), table.name, key, e);
    }
  }

  /**
   * Encodes the result of the executed step and records it durably: when this method returns, the result is
   * committed to the store, and a resume of the run returns it instead of executing the step again.
   *
   * @param <T> the step's result type
   * @param codec the codec of the step's result type
   * @param value the step's result; {@code null} if the step returned {@code null}
   * @throws NullPointerException if {@code codec} is null, or it encodes {@code value} as {@code null}
   * @throws IllegalStateException if the step is {@linkplain #done() done} or was committed already, if the run's
   *     entry has returned, or if the store fails, with its failure attached
   * @throws CheckpointClaimedException if the store finds that the run's claim was lost
   */
  public <T> void commit(Codec<T> codec, T value) {
    if (codec == null) {
      throw new NullPointerException("codec");
    }
    if (result != null) {
      throw new IllegalStateException("run '" + run.runId() + "': step '" + table.name + "' (key " + key
          + ") is recorded already; return its decoded result instead of committing");
    }
    byte[] bytes = codec.encode(value);
    if (bytes == null) {
      throw new NullPointerException("the codec of step '" + table.name + "' encoded a value as null; a codec"
          + " returns bytes for every value, null included");
    }
    run.commit(this, bytes);
  }

  @Override
  public String toString() {
    return "StepCall[run=" + run.runId() + ", name=" + table.name + ", key=" + key + ", done=" + done() + "]";
  }
}
