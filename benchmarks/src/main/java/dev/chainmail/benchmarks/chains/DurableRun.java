package dev.chainmail.benchmarks.chains;

import dev.chainmail.Checkpoint;
import dev.chainmail.RunId;
import dev.chainmail.benchmarks.chains.DurableChain.Paper;

/**
 * The chain of the durable-run comparison: a run of {@link #STEPS} steps, each of which returns the ten-field
 * {@link Paper}. {@code peers/DbosPeer} writes the same chain for DBOS Transact: a workflow of as many steps, each
 * returning the same record.
 */
public class DurableRun {

  /** The steps of one run. */
  public static final int STEPS = 10;

  /** A run: its steps one after another, each recorded before the next starts. */
  public Paper run(@RunId String runId) {
    Paper last = null;
    for (int i = 0; i < STEPS; i++) {
      last = step(i);
    }
    return last;
  }

  /** One step; every call in a run is a new record. */
  @Checkpoint
  public Paper step(int index) {
    return DurableChain.PAPER;
  }
}
