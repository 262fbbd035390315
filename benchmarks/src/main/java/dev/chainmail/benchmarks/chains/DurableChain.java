package dev.chainmail.benchmarks.chains;

import dev.chainmail.Checkpoint;
import dev.chainmail.RunId;
import dev.chainmail.StepKey;
import dev.chainmail.runtime.checkpoint.Codec;
import java.io.Serializable;
import java.util.List;

/**
 * A durable chain for the checkpoint benchmarks: a step keyed by a {@code @StepKey}, so that one call hits the same
 * record again and again, a step whose every call is a new record, and a record of ten fields to encode.
 */
public class DurableChain {

  /** Ten fields of the kinds a step's result holds; {@link Serializable} so Java serialization can compete. */
  public record Paper(String title, String author, int year, long citations, double score, boolean open,
      List<String> tags, String venue, int pages, String summary) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /** The value every benchmark reads and writes. */
  public static final Paper PAPER = new Paper("Hedged requests", "J. Dean", 2013, 4_200L, 0.97, true,
      List.of("latency", "tail", "systems"), "CACM", 9, "Cut tail latency by sending a second request late.");

  /** The value {@link #label} returns. */
  public static final String LABEL = "hedged";

  /** Opens a run for the benchmarks to hold: the steps they call record into the open run. */
  public String run(@RunId String runId) {
    return runId;
  }

  /** A step keyed by its argument: the same key is the same record, so every call after the first hits it. */
  @Checkpoint
  public Paper lookup(@StepKey String key) {
    return PAPER;
  }

  /** A step keyed like {@link #lookup} whose result is short, to show the hit path apart from a large decode. */
  @Checkpoint
  public String label(@StepKey String key) {
    return LABEL;
  }

  /** A step whose every call is a new occurrence, and so a new record committed to the store. */
  @Checkpoint
  public Paper record(int attempt) {
    return PAPER;
  }

  /**
   * The arguments that {@link #run} records, encoded as its proxy encodes them: the benchmarks open the run
   * themselves, through the runtime, to stay inside it across calls.
   */
  public static byte[] runArguments() {
    return ResilientDurableChainCodecs.runArguments();
  }

  /** The generated codec of {@link Paper}, for the codec benchmark. */
  public static Codec<Paper> paperCodec() {
    return ResilientDurableChainCodecs.LOOKUP_RESULT;
  }
}
