package dev.chainmail.runtime;

/** How a {@link ReplicaPolicy} picks the replica for each call among those available. */
public enum ReplicaStrategy {
  /** The first available replica in index order; after a failure, the lowest untried one. */
  FAILOVER,
  /** Each replica in turn, spreading calls evenly over the available replicas. */
  ROUND_ROBIN,
  /** Of two distinct available replicas drawn at random, the one with fewer calls in flight. */
  LEAST_LOADED,
  /** An available replica drawn uniformly at random. */
  RANDOM,
  /** Smooth weighted round robin, as nginx does it, over the available replicas. */
  WEIGHTED,
  /**
   * The first available replica, as {@link #FAILOVER}; while it has not answered after the hedge delay, also the
   * next, up to {@code maxHedges} extra calls within the hedging budget. The first success wins.
   */
  HEDGED,
  /** Every available replica at once; the answer that a quorum of them agree on wins. */
  QUORUM
}
