package dev.chainmail.runtime.checkpoint;

import java.util.List;
import java.util.Optional;

/**
 * One run, claimed exclusively by its caller through {@link CheckpointStore#claim(String)}, with every record it
 * had when it was claimed. Part of the store SPI: proxies never call it directly, {@link RunEntry} and
 * {@link StepPolicy} do.
 *
 * <p>Every write is durable when it returns: on the SQLite store, a committed transaction. A store that holds
 * claims as leases (PostgreSQL) checks in each write's own statement that the claim is still this caller's, and
 * throws {@link CheckpointClaimedException} if it is not; nothing is written then.
 *
 * <p>Implementations must be thread-safe: a run's steps may be called from several threads. Writes after
 * {@link #close()} throw {@link IllegalStateException}; so do writes when the store fails, with the cause attached.
 */
public interface RunClaim extends AutoCloseable {

  /** @return the id of the claimed run */
  String runId();

  /**
   * Returns the run's entry record as it was when the run was claimed.
   *
   * @return the record; empty if the run was not recorded yet
   */
  Optional<RunRecord> run();

  /**
   * Returns the run's step records as they were when the run was claimed.
   *
   * @return the rows, in increasing {@link StepRow#seq()} order; empty for a new run
   */
  List<StepRow> stepRows();

  /**
   * Records a new run's entry and its arguments, and the time it started.
   *
   * @param entry the entry's id, as {@code com.example.ReportChain/run}
   * @param arguments the entry's encoded arguments, its run id aside; not copied, so not to be modified
   * @throws NullPointerException if an argument is null
   * @throws IllegalStateException if the run is already recorded, the claim was released, or the store fails
   * @throws CheckpointClaimedException if the store finds that the claim was lost
   */
  void insertRun(String entry, byte[] arguments);

  /**
   * Records the entry's result and the time it returned, which finishes the run.
   *
   * @param result the entry's encoded result; not copied
   * @throws NullPointerException if {@code result} is null
   * @throws IllegalStateException if the run is not recorded, the claim was released, or the store fails
   * @throws CheckpointClaimedException if the store finds that the claim was lost
   */
  void finishRun(byte[] result);

  /**
   * Records the STARTED marker of an at-most-once step, before the step executes.
   *
   * @param name the step's name
   * @param key the step's key as text
   * @param seq the step's sequence number, greater than that of every record of the run
   * @param fingerprint the fingerprint of the step's arguments; not copied
   * @throws NullPointerException if an argument is null
   * @throws IllegalStateException if the step is already recorded, the claim was released, or the store fails
   * @throws CheckpointClaimedException if the store finds that the claim was lost
   */
  void insertStarted(String name, String key, long seq, byte[] fingerprint);

  /**
   * Records a step's result, replacing the step's STARTED marker if it has one.
   *
   * @param name the step's name
   * @param key the step's key as text
   * @param seq the step's sequence number: its marker's, or one greater than that of every record of the run
   * @param fingerprint the fingerprint of the step's arguments; not copied
   * @param result the step's encoded result; not copied
   * @throws NullPointerException if an argument is null
   * @throws IllegalStateException if the claim was released, or the store fails
   * @throws CheckpointClaimedException if the store finds that the claim was lost
   */
  void commitStep(String name, String key, long seq, byte[] fingerprint, byte[] result);

  /**
   * Deletes every step record of the run whose sequence number is {@code seq} or more, results and markers alike.
   *
   * @param seq the first sequence number to delete
   * @throws IllegalStateException if the claim was released, or the store fails
   * @throws CheckpointClaimedException if the store finds that the claim was lost
   */
  void discardFrom(long seq);

  /** Releases the claim, so that another caller may claim the run. Closing a released claim does nothing. */
  @Override
  void close();
}
