package dev.chainmail;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Serves a chain method from several replicas: implementations of the chain interface, such as other LLM providers,
 * regions or instances of a service. Each call goes to one replica at a time, chosen by {@link #strategy}; a failure
 * that {@link #failOn} accepts moves the call on to another healthy replica, and counts against the health of the
 * replica that failed. One call tries each replica at most once; when every replica it tried has failed, the last
 * failure is thrown, with the earlier ones attached as suppressed exceptions, in the order they happened.
 *
 * <p>The replicas are given to the proxy's static factories, {@code replicated(first, others...)},
 * {@code replicated(context, replicas)} and {@code restartable(context, factories)}. Methods without
 * {@code @Replicated} go to the first replica, the primary; the constructor that wraps one delegate makes a set of
 * one.
 *
 * <h2>Health</h2>
 * Health is per replica, shared by every replicated method of one proxy: a replica with {@link #ejectAfter}
 * consecutive failures (calls and {@link Heartbeat} probes together; any success resets the count) is ejected for
 * {@link #ejectFor}, doubled on each new ejection of the same replica up to {@link #maxEjectFor}. At most
 * {@link #maxEjectedPercent} of the replicas are ejected at once. An ejected replica whose time is over is tried
 * again on probation: one success re-admits it, one failure ejects it again. When every replica is ejected, a call
 * is still tried on the one whose ejection started earliest. Since health belongs to the replica set, the detection
 * knobs ({@code ejectAfter}, {@code ejectFor}, {@code maxEjectFor}, {@code maxEjectedPercent}) are given once, on
 * the interface, or identically on every method.
 *
 * <h2>Placement and nesting</h2>
 * On methods of an interface chain, or on the interface itself, where it covers every method without its own; a
 * method's {@code @Replicated} takes each attribute it does not set from the interface's. It nests inside
 * {@link Retry} and outside {@link CircuitBreaker}, {@link RateLimit}, {@link Timeout} and {@link Bulkhead}: each
 * retry attempt chooses replicas afresh.
 *
 * <h2>Compile errors</h2>
 * {@code @Replicated} on a class chain (a subclass proxy is one instance, so it cannot stand for several: extract
 * an interface), {@code weights} with another strategy than {@code WEIGHTED} or {@code WEIGHTED} without weights, a
 * weight below 1, {@code ejectAfter < 1}, an {@code ejectFor} or {@code maxEjectFor} that does not parse or is
 * zero, {@code maxEjectFor} shorter than {@code ejectFor}, {@code maxEjectedPercent} outside {@code [0, 100]}, an
 * empty {@code failOn}, a {@code failOn} class covered by {@code skipOn}, detection knobs that differ between
 * methods, or between a method and the interface, a hedging knob with another strategy than {@code HEDGED},
 * {@code maxHedges < 1}, {@code hedgeBudget} outside {@code [0, 1]}, a zero or unparseable {@code hedgeDelay}, and
 * {@code HEDGED} or {@code QUORUM} on a synchronous method that declares {@code throws Throwable}, a voting knob with
 * another strategy than {@code QUORUM}, a negative {@code quorum}, and a {@code voteBy} method that is missing, does
 * not take the result, returns nothing, is abstract, or cannot be called.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Replicated {

  /** How a call chooses its replica. */
  enum Strategy {
    /** The healthy replicas in the order given: the first serves every call while it is healthy. */
    FAILOVER,
    /** The healthy replicas in turn, so that calls spread evenly. */
    ROUND_ROBIN,
    /** The power of two random choices: the one of two random healthy replicas with fewer calls in flight. */
    LEAST_LOADED,
    /** A healthy replica at random. */
    RANDOM,
    /** Smooth weighted round robin, as nginx does it, over {@link #weights}, one per replica. */
    WEIGHTED,
    /**
     * Hedged calls, against tail latency: the first healthy replica, and while it has not answered after
     * {@link #hedgeDelay}, also the next healthy one, up to {@link #maxHedges} extra calls within
     * {@link #hedgeBudget}. The first success wins and the other calls are cancelled; a failure does not win, and
     * sends the next call at once. On a synchronous method the replicas' calls run on the context's replica
     * executor and a loser is interrupted; on an asynchronous one they compose without blocking a thread.
     */
    HEDGED,
    /**
     * Majority voting, N-version programming: every healthy replica at once, and the answer that {@link #quorum}
     * of them agree on, compared with {@code equals} or by {@link #voteBy}, wins as soon as it has them; the other
     * calls are cancelled. A failure abstains. Once no answer can reach the quorum, the call fails with
     * {@code dev.chainmail.runtime.NoQuorumException}, which carries every replica's vote. Voting helps only while
     * replicas fail independently: identical models fail together.
     */
    QUORUM
  }

  /** How a call chooses its replica, and the next one after a failure; {@link Strategy#FAILOVER} by default. */
  Strategy strategy() default Strategy.FAILOVER;

  /**
   * For {@link Strategy#WEIGHTED} only: one weight of at least {@code 1} per replica, in the order the replicas are
   * given. A proxy built with another number of replicas fails with {@code ConfigurationException}.
   */
  int[] weights() default {};

  /**
   * For {@link Strategy#HEDGED} only: how long a call waits for an answer before it sends a hedge, such as
   * {@code "200ms"}. Empty, the default, for the adaptive delay: the p95 latency of the method's recent successful
   * calls over a sliding window of 10 s, and {@code 2s} until 20 calls have been seen.
   */
  String hedgeDelay() default "";

  /** For {@link Strategy#HEDGED} only: the most extra calls one call may send; at least {@code 1}. */
  int maxHedges() default 1;

  /**
   * For {@link Strategy#HEDGED} only: the hedges allowed per call, in {@code [0, 1]}. At any moment, the hedges
   * sent in the last 10 s are at most {@code hedgeBudget} times the calls of the last 10 s, plus 100; with the
   * budget spent, or at {@code 0}, a call waits on its first replica and fails over as with {@code FAILOVER}.
   */
  double hedgeBudget() default 0.1;

  /**
   * For {@link Strategy#QUORUM} only: how many replicas must agree; {@code 0}, the default, for a strict majority of
   * the replicas given. A quorum larger than the number of replicas fails the proxy's factory with
   * {@code ConfigurationException}.
   */
  int quorum() default 0;

  /**
   * For {@link Strategy#QUORUM} only: the name of a method that maps an answer to what answers are compared by,
   * since LLM answers rarely match as whole strings: a static method of the interface, or a default one, taking the
   * method's result (for an asynchronous method, its stage's value). Empty, the default, compares the answers with
   * {@code equals}.
   */
  String voteBy() default "";

  /** The failures that move a call on to another replica and count against the replica's health. */
  Class<? extends Throwable>[] failOn() default {Throwable.class};

  /** Failures that propagate at once without counting, even if {@link #failOn} names them: this wins. */
  Class<? extends Throwable>[] skipOn() default {};

  /** The consecutive failures, calls and probes together, that eject a replica; at least {@code 1}. */
  int ejectAfter() default 5;

  /** How long a first ejection lasts, such as {@code "30s"}; each new one of the same replica lasts twice as long. */
  String ejectFor() default "30s";

  /** The longest an ejection lasts, however often the replica was ejected; at least {@link #ejectFor}. */
  String maxEjectFor() default "300s";

  /**
   * The most replicas, as a percentage rounded down but always at least one, that may be ejected at once, as in
   * Envoy's outlier detection; in {@code [0, 100]}.
   */
  int maxEjectedPercent() default 50;
}
