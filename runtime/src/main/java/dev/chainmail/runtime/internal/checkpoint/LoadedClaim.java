package dev.chainmail.runtime.internal.checkpoint;

import dev.chainmail.runtime.checkpoint.RunClaim;
import dev.chainmail.runtime.checkpoint.RunRecord;
import dev.chainmail.runtime.checkpoint.StepRow;
import java.util.List;
import java.util.Optional;

/**
 * What every store's claim holds from the moment it is taken: the run's id, and its record and step rows as they
 * were loaded then. Each store adds how it holds the run and how it writes. Immutable in what it holds here.
 */
abstract class LoadedClaim implements RunClaim {

  /** The run claimed. */
  final String runId;
  private final Optional<RunRecord> record;
  private final List<StepRow> rows;

  LoadedClaim(String runId, Optional<RunRecord> record, List<StepRow> rows) {
    this.runId = runId;
    this.record = record;
    this.rows = rows;
  }

  @Override
  public final String runId() {
    return runId;
  }

  @Override
  public final Optional<RunRecord> run() {
    return record;
  }

  @Override
  public final List<StepRow> stepRows() {
    return rows;
  }
}
