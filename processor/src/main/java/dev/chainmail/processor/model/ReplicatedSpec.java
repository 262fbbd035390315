package dev.chainmail.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.List;
import java.util.Optional;

/**
 * A validated {@code @Replicated} as it applies to one method: the method's own attributes, else the interface's.
 *
 * @param chain the chain interface, the type of each replica
 * @param strategy the name of the {@code Replicated.Strategy} constant
 * @param weights the weights of {@code WEIGHTED}, one per replica; empty for the other strategies
 * @param failOn the failures that move a call on; empty means every failure
 * @param skipOn the failures that propagate at once, without counting
 * @param detection the replica set's knobs, equal on every replicated method of a chain
 * @param hedging the knobs of {@code HEDGED}, as they apply; their defaults for the other strategies
 * @param quorum for {@code QUORUM}, how many replicas must agree; 0 for a strict majority
 * @param voteBy for {@code QUORUM}, the method that maps an answer to its vote key; empty for {@code equals}
 */
public record ReplicatedSpec(TypeName chain, String strategy, List<Integer> weights, List<ClassName> failOn,
    List<ClassName> skipOn, Detection detection, Hedging hedging, int quorum, Optional<ChainMethodRef> voteBy)
    implements GuardSpec {

  /** Whether calls are hedged. */
  public boolean hedged() {
    return strategy.equals("HEDGED");
  }

  /** Whether calls vote. */
  public boolean votes() {
    return strategy.equals("QUORUM");
  }

  /** Whether a call goes to several replicas at once, which then run beneath the proxy's own thread or stage. */
  public boolean parallel() {
    return hedged() || votes();
  }

  /** Whether calls must keep the replicas' in-flight counts, which the strategy balances on. */
  public boolean balancesLoad() {
    return strategy.equals("LEAST_LOADED");
  }

  /**
   * The knobs of fault detection, which belong to the replica set. Durations keep the text the user wrote.
   *
   * @param ejectAfter the consecutive failures that eject a replica
   * @param ejectFor how long a first ejection lasts
   * @param maxEjectFor the longest an ejection lasts
   * @param maxEjectedPercent the most replicas ejected at once, as a percentage
   */
  public record Detection(int ejectAfter, String ejectFor, String maxEjectFor, int maxEjectedPercent) {}

  /**
   * The knobs of {@code HEDGED}.
   *
   * @param delay the hedge delay as written; empty for the adaptive one
   * @param maxHedges the most extra calls per call
   * @param budget the hedges allowed per call over the window
   */
  public record Hedging(String delay, int maxHedges, double budget) {}
}
