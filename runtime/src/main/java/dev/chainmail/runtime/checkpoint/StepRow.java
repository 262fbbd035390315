package dev.chainmail.runtime.checkpoint;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One recorded step of a run, as a {@link RunClaim} loads it: a step's result, or the STARTED marker of an
 * at-most-once step. Part of the store SPI.
 *
 * <p>The arrays are not copied, so that a resumed step returns without allocating: neither the store nor its
 * callers may modify them. {@link #equals}, {@link #hashCode} and {@link #toString} compare and show their
 * contents. This record is thread-safe as long as no one modifies the arrays.
 *
 * @param name the step's name
 * @param key the step's occurrence number from 0, or its {@code @StepKey} value, as text
 * @param seq the step's sequence number in its run: numbers increase in the order steps were first recorded
 * @param fingerprint the fingerprint of the step's encoded arguments
 * @param result the step's encoded result; {@code null} for a STARTED marker
 */
public record StepRow(String name, String key, long seq, byte[] fingerprint, byte[] result) {

  /**
   * Creates a step row.
   *
   * @throws NullPointerException if {@code name}, {@code key} or {@code fingerprint} is null
   */
  public StepRow {
    if (name == null || key == null || fingerprint == null) {
      throw new NullPointerException(name == null ? "name" : key == null ? "key" : "fingerprint");
    }
  }

  /** @return {@code true} if the step's result is recorded; {@code false} for a STARTED marker */
  public boolean done() {
    return result != null;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StepRow that && name.equals(that.name) && key.equals(that.key) && seq == that.seq
        && Arrays.equals(fingerprint, that.fingerprint) && Arrays.equals(result, that.result);
  }

  @Override
  public int hashCode() {
    return (((name.hashCode() * 31 + key.hashCode()) * 31 + Long.hashCode(seq)) * 31 + Arrays.hashCode(fingerprint))
        * 31 + Arrays.hashCode(result);
  }

  @Override
  public String toString() {
    return "StepRow[name=" + name + ", key=" + key + ", seq=" + seq + ", fingerprint="
        + HexFormat.of().formatHex(fingerprint) + ", result=" + (result == null ? "STARTED" : result.length + " bytes")
        + "]";
  }
}
