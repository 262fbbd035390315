package dev.chainmail.runtime.internal.checkpoint;

import dev.chainmail.runtime.checkpoint.StepRow;
import java.util.Comparator;

/** Orders step rows by sequence number. This class is immutable and thread-safe. */
final class StepRowOrder implements Comparator<StepRow> {

  static final StepRowOrder BY_SEQ = new StepRowOrder();

  private StepRowOrder() {}

  @Override
  public int compare(StepRow a, StepRow b) {
    return Long.compare(a.seq(), b.seq());
  }
}
