package dev.chainmail.runtime.checkpoint;

import java.util.Arrays;

/**
 * The recorded entry of a run: which entry method opened it, with which arguments, and its result once the entry
 * returned. Part of the store SPI.
 *
 * <p>The arrays are not copied, so that a resumed run reads them without allocating: neither the store nor its
 * callers may modify them. {@link #equals}, {@link #hashCode} and {@link #toString} compare and show their
 * contents. This record is thread-safe as long as no one modifies the arrays.
 *
 * @param runId the run's id
 * @param entry the entry's id, as {@code com.example.ReportChain/run}
 * @param arguments the encoded arguments of the entry, its run id aside
 * @param result the encoded result of the entry if it returned; {@code null} while the run is unfinished
 */
public record RunRecord(String runId, String entry, byte[] arguments, byte[] result) {

  /**
   * Creates a run record.
   *
   * @throws NullPointerException if {@code runId}, {@code entry} or {@code arguments} is null
   */
  public RunRecord {
    if (runId == null || entry == null || arguments == null) {
      throw new NullPointerException(runId == null ? "runId" : entry == null ? "entry" : "arguments");
    }
  }

  /** @return {@code true} if the entry returned and its result is recorded */
  public boolean finished() {
    return result != null;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RunRecord that && runId.equals(that.runId) && entry.equals(that.entry)
        && Arrays.equals(arguments, that.arguments) && Arrays.equals(result, that.result);
  }

  @Override
  public int hashCode() {
    return ((runId.hashCode() * 31 + entry.hashCode()) * 31 + Arrays.hashCode(arguments)) * 31
        + Arrays.hashCode(result);
  }

  @Override
  public String toString() {
    return "RunRecord[runId=" + runId + ", entry=" + entry + ", arguments=" + arguments.length + " bytes, result="
        + (result == null ? "none" : result.length + " bytes") + "]";
  }
}
