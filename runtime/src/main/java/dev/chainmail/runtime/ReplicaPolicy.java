package dev.chainmail.runtime;

import dev.chainmail.runtime.internal.ConfigOverrides;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * The routing of one replicated method: which replica of its {@link ReplicaSet} each call goes to first, and which
 * next after a failure.
 *
 * <p>Generated code writes the loop:
 * <pre>{@code
 * long tried = 0;
 * ReplicaFailures failures = null;
 * for (int i = answer$replicas.first(); ; ) {
 *   tried |= 1L << i;
 *   try {
 *     String result = replicas.replica(i).answer(question);
 *     replicas.succeeded(i, "com.example.Answerer/answer");
 *     return result;
 *   } catch (IOException e) {            // the failures the method counts
 *     replicas.failed(i, "com.example.Answerer/answer", e);
 *     i = answer$replicas.next(tried);
 *     if (i < 0) {
 *       throw ReplicaFailures.attach(failures, e);
 *     }
 *     failures = ReplicaFailures.add(failures, e);
 *   }
 * }
 * }</pre>
 * A method with {@link ReplicaStrategy#LEAST_LOADED} ({@link #balancesLoad()}) also brackets each call with
 * {@link ReplicaSet#enter(int)} and {@link ReplicaSet#exit(int)}.
 *
 * <p>Choices are made among the replicas that {@link ReplicaSet#available(int, String)} admits. Random draws come
 * from the context's {@link RandomSource}, so a seeded source makes them repeatable. On the success path nothing is
 * allocated: {@link ReplicaStrategy#FAILOVER} reads one volatile field per replica up to the first available one
 * (one read on a healthy set), {@link ReplicaStrategy#ROUND_ROBIN} adds one atomic increment,
 * {@link ReplicaStrategy#RANDOM} and {@link ReplicaStrategy#LEAST_LOADED} one random draw each.
 * <p>While no replica is ejected, which is the usual case, every choice is lock-free: a call reads one volatile
 * count to know it, and then chooses among all replicas without looking at each. {@link ReplicaStrategy#WEIGHTED}
 * then walks the sequence that smooth weighted round robin gives over all replicas, computed once (for weights
 * summing to at most {@value #MAX_SCHEDULE}); with some replica ejected, or larger weights, it takes a short lock per
 * choice, since smooth weighted round robin updates every replica's current weight together. Counters are reduced
 * modulo the number of replicas by multiplication rather than division, which costs several times less.
 *
 * <p>This class is thread-safe: apart from its round-robin counter and current weights, it is immutable.
 */
public final class ReplicaPolicy {

  private final String method;
  private final ReplicaStrategy strategy;
  private final ReplicaSet<?> replicas;
  private final int size;
  private final long all;
  private final RandomSource random;
  private final AtomicInteger position = new AtomicInteger();
  private final int[] weights;
  /** The current weights of smooth weighted round robin; guarded by itself. */
  private final long[] current;
  /** For WEIGHTED, the replicas smooth weighted round robin chooses over all of them, one period; else null. */
  private final int[] schedule;
  private final FastModulo bySize;
  private final FastModulo bySchedule;

  /**
   * The strategy as one of the constants below, which the hot path switches on: a switch on the enum itself reads
   * a synthetic table and the constant's ordinal first.
   */
  private final int kind;
  /** False when the config's {@code enabled} key turned the method's {@code @Replicated} off: the primary only. */
  private final boolean enabled;
  /** For HEDGED with a budget, the hedging; null for the other strategies, and with a budget of zero. */
  private final ReplicaHedging hedging;
  /** For QUORUM, how many replicas must agree; 0 for the other strategies. */
  private final int quorum;
  private static final int FAILOVER = 0;
  private static final int ROUND_ROBIN = 1;
  private static final int WEIGHTED = 2;
  private static final int RANDOM = 3;
  private static final int LEAST_LOADED = 4;

  /** The longest {@link #schedule} kept: a period of weights summing to more is chosen under the lock. */
  static final int MAX_SCHEDULE = 4096;

  private ReplicaPolicy(Builder builder, ReplicaSet<?> replicas, int[] weights) {
    this.method = builder.method;
    this.strategy = builder.strategy;
    this.replicas = replicas;
    this.size = replicas.size();
    this.all = size == 64 ? -1L : (1L << size) - 1;
    this.random = replicas.context().random();
    this.weights = weights;
    this.current = weights == null ? null : new long[size];
    this.schedule = weights == null ? null : schedule(weights);
    this.bySize = new FastModulo(size);
    this.bySchedule = schedule == null ? null : new FastModulo(schedule.length);
    this.enabled = builder.enabled;
    // Turned off, the policy keeps to the primary: FAILOVER's fast path already answers 0 while none is ejected.
    this.kind = enabled ? kindOf(strategy) : kindOf(ReplicaStrategy.FAILOVER);
    // With no budget, no hedge is ever sent: the call is an asynchronous failover, and arms no timer.
    this.hedging = strategy == ReplicaStrategy.HEDGED && enabled && builder.hedgeBudget > 0
        ? new ReplicaHedging(builder.hedgeDelayNanos, builder.maxHedges, builder.hedgeBudget, replicas.context())
        : null;
    this.quorum = strategy == ReplicaStrategy.QUORUM && enabled
        ? (builder.quorum == 0 ? size / 2 + 1 : builder.quorum)
        : 0;
  }

  private static int kindOf(ReplicaStrategy strategy) {
    switch (strategy) {
      case FAILOVER:
      case HEDGED:
      case QUORUM:
        // HEDGED calls the healthy replicas in FAILOVER's order: the first one, then each hedge the next. QUORUM
        // calls them all, and chooses no replica but for the methods of its chain that are not replicated.
        return FAILOVER;
      case ROUND_ROBIN:
        return ROUND_ROBIN;
      case WEIGHTED:
        return WEIGHTED;
      case RANDOM:
        return RANDOM;
      default:
        return LEAST_LOADED;
    }
  }

  /** One period of smooth weighted round robin over every replica, or null if it would be too long. */
  private static int[] schedule(int[] weights) {
    long total = 0;
    for (int weight : weights) {
      total += weight;
    }
    if (total > MAX_SCHEDULE) {
      return null;
    }
    long[] current = new long[weights.length];
    int[] schedule = new int[(int) total];
    for (int turn = 0; turn < schedule.length; turn++) {
      int best = 0;
      for (int i = 0; i < weights.length; i++) {
        current[i] += weights[i];
        if (current[i] > current[best]) {
          best = i;
        }
      }
      current[best] -= total;
      schedule[turn] = best;
    }
    return schedule;
  }

  /**
   * Returns a builder for the routing of one replicated method.
   *
   * @param method the replicated method, as {@code com.example.Answerer/answer}: the name its messages and events
   *     carry
   * @param strategy how replicas are chosen
   * @return a new builder
   * @throws NullPointerException if an argument is null
   */
  public static Builder builder(String method, ReplicaStrategy strategy) {
    return new Builder(method, strategy);
  }

  /**
   * Chooses the replica for a new call, among the available ones, by the strategy. If none is available, returns
   * {@link ReplicaSet#earliestEjected()}, which the call should try anyway.
   *
   * @return a replica's index, from 0
   */
  public int first() {
    if (replicas.noneEjected()) {
      return firstOfAll();
    }
    if (!enabled) {
      return 0;
    }
    switch (kind) {
      case FAILOVER:
        for (int i = 0; i < size; i++) {
          if (replicas.available(i, method)) {
            return i;
          }
        }
        return replicas.earliestEjected();
      case ROUND_ROBIN: {
        int turn = position.getAndIncrement() & Integer.MAX_VALUE;
        long open = availableAmong(all);
        if (open == all) {
          return bySize.of(turn);
        }
        return open == 0 ? replicas.earliestEjected() : nth(open, turn % Long.bitCount(open));
      }
      default: {
        long open = availableAmong(all);
        return open == 0 ? replicas.earliestEjected() : choose(open);
      }
    }
  }

  /** {@link #first()} while no replica is ejected, so that every replica is available. */
  private int firstOfAll() {
    switch (kind) {
      case FAILOVER:
        return 0;
      case ROUND_ROBIN:
        return bySize.of(position.getAndIncrement() & Integer.MAX_VALUE);
      case WEIGHTED:
        return schedule != null ? schedule[bySchedule.of(position.getAndIncrement() & Integer.MAX_VALUE)]
            : weighted(all);
      case RANDOM:
        // With every replica a candidate, the nth candidate is replica n.
        return draw(size);
      default: {
        if (size == 1) {
          return 0;
        }
        long pair = drawTwo(size);
        int a = (int) pair;
        int b = (int) (pair >>> 32);
        return replicas.inFlight(b) < replicas.inFlight(a) ? b : a;
      }
    }
  }

  /**
   * Chooses the replica to try after a failure: one that this call has not tried and that is available, by the
   * strategy. {@link ReplicaStrategy#FAILOVER} takes the lowest such index, {@link ReplicaStrategy#ROUND_ROBIN} the
   * first such replica from the round-robin position on, the others choose as {@link #first()} does but among these
   * replicas only.
   *
   * @param tried the replicas this call has tried: bit {@code i} set for replica {@code i}
   * @return a replica's index, or {@code -1} if every available replica has been tried
   */
  public int next(long tried) {
    if (!enabled) {
      return -1;
    }
    switch (kind) {
      case FAILOVER:
        for (int i = 0; i < size; i++) {
          if ((tried & (1L << i)) == 0 && replicas.available(i, method)) {
            return i;
          }
        }
        return -1;
      case ROUND_ROBIN: {
        int start = bySize.of(position.getAndIncrement() & Integer.MAX_VALUE);
        for (int k = 0; k < size; k++) {
          int i = start + k < size ? start + k : start + k - size;
          if ((tried & (1L << i)) == 0 && replicas.available(i, method)) {
            return i;
          }
        }
        return -1;
      }
      default: {
        long open = availableAmong(all & ~tried);
        return open == 0 ? -1 : choose(open);
      }
    }
  }

  /** @return the replicas of {@code candidates} that are available, as a bit mask */
  private long availableAmong(long candidates) {
    long open = 0;
    for (int i = 0; i < size; i++) {
      if ((candidates & (1L << i)) != 0 && replicas.available(i, method)) {
        open |= 1L << i;
      }
    }
    return open;
  }

  /** Chooses among a non-empty mask of replicas by a strategy other than FAILOVER and ROUND_ROBIN. */
  private int choose(long open) {
    int count = Long.bitCount(open);
    if (strategy == ReplicaStrategy.WEIGHTED) {
      return weighted(open);
    }
    if (count == 1) {
      return Long.numberOfTrailingZeros(open);
    }
    if (strategy == ReplicaStrategy.RANDOM) {
      return nth(open, draw(count));
    }
    long pair = drawTwo(count);
    int first = nth(open, (int) pair);
    int second = nth(open, (int) (pair >>> 32));
    return replicas.inFlight(second) < replicas.inFlight(first) ? second : first;
  }

  /** @return a number drawn uniformly from {@code [0, bound)} */
  private int draw(int bound) {
    int n = (int) (random.nextDouble() * bound);
    return n < bound ? n : bound - 1;
  }

  /**
   * Draws two different numbers from {@code [0, bound)}, uniformly among the ordered pairs, from one random draw:
   * the first is the integer part of {@code u * bound}, the second comes from its fractional part, which is uniform
   * on {@code [0, 1)} whatever the first, with 53 - 6 bits to spare for at most 64 replicas.
   *
   * @param bound at least 2
   * @return the first number in the low 32 bits, the second in the high 32
   */
  private long drawTwo(int bound) {
    double scaled = random.nextDouble() * bound;
    int a = Math.min((int) scaled, bound - 1);
    int b = Math.min((int) ((scaled - a) * (bound - 1)), bound - 2);
    if (b >= a) {
      b++;
    }
    return (a & 0xFFFF_FFFFL) | (long) b << 32;
  }

  /** @return the index of the {@code n}th set bit of {@code mask}, from 0 */
  private static int nth(long mask, int n) {
    long m = mask;
    for (int k = 0; k < n; k++) {
      m &= m - 1;
    }
    return Long.numberOfTrailingZeros(m);
  }

  /**
   * Smooth weighted round robin (nginx's {@code ngx_http_upstream_get_peer}): each candidate's current weight grows
   * by its weight, the largest is chosen (the lowest index among equals) and loses the candidates' total.
   */
  private int weighted(long open) {
    synchronized (current) {
      long total = 0;
      int best = -1;
      for (int i = 0; i < size; i++) {
        if ((open & (1L << i)) != 0) {
          current[i] += weights[i];
          total += weights[i];
          if (best < 0 || current[i] > current[best]) {
            best = i;
          }
        }
      }
      current[best] -= total;
      return best;
    }
  }

  /**
   * Runs one call of an asynchronous replicated method, never blocking a thread: the call goes to the replica that
   * {@link #first()} chooses, and a failure that {@code counted} accepts counts against that replica and moves the
   * call on to the one {@link #next(long)} chooses, on the thread that completed the failed stage, until a replica
   * succeeds or none is left to try; the last failure then fails the returned stage, with the earlier ones
   * suppressed. A failure {@code counted} rejects fails it at once and counts against no replica. Cancelling the
   * returned stage cancels the replica's call under way and counts against none.
   *
   * <p>With {@link ReplicaStrategy#HEDGED}, a call that has no answer after the hedge delay also calls the next
   * healthy replica, up to {@code maxHedges} extra calls within the hedging budget; the first success wins, the
   * other calls are cancelled, and a failure sends the next call at once.
   *
   * @param call calls the guards beneath for one replica, given its index; what it throws fails that replica
   * @param counted whether a failure is the replica's: the proxy's {@code failOn} and {@code skipOn} checks
   * @param <T> the type of the value
   * @return the call's stage
   * @throws NullPointerException if an argument is null
   */
  public <T> CompletableFuture<T> async(IntFunction<? extends CompletionStage<? extends T>> call,
      Predicate<? super Throwable> counted) {
    return async(call, counted, Function.identity());
  }

  /**
   * {@link #async(IntFunction, Predicate)} for a {@code QUORUM} method whose answers are compared by a key: its
   * {@code voteBy} method. Every available replica is called at once (every replica, if fewer are available than
   * the quorum), and the first answer whose key a quorum of replicas gave wins, as soon as it has; the other calls
   * are cancelled. A failure abstains. Once no key can reach the quorum, the stage fails with
   * {@link NoQuorumException}, carrying every replica's vote. For the other strategies {@code voteBy} is ignored.
   *
   * @param call calls the guards beneath for one replica, given its index
   * @param counted whether a failure is the replica's: the proxy's {@code failOn} and {@code skipOn} checks
   * @param voteBy what an answer is compared by
   * @param <T> the type of the value
   * @return the call's stage
   * @throws NullPointerException if an argument is null
   */
  public <T> CompletableFuture<T> async(IntFunction<? extends CompletionStage<? extends T>> call,
      Predicate<? super Throwable> counted, Function<? super T, ?> voteBy) {
    return start(call, counted, voteBy, false);
  }

  /** The asynchronous call; {@code onThreads} says that each replica's call runs on another thread. */
  private <T> CompletableFuture<T> start(IntFunction<? extends CompletionStage<? extends T>> call,
      Predicate<? super Throwable> counted, Function<? super T, ?> voteBy, boolean onThreads) {
    Objects.requireNonNull(call, "call");
    Objects.requireNonNull(counted, "counted");
    Objects.requireNonNull(voteBy, "voteBy");
    if (hedging != null) {
      return hedging.start(new AsyncHedge<>(this, hedging, call, counted), first(), onThreads);
    }
    if (quorum > 0) {
      AsyncQuorum<T> vote = new AsyncQuorum<>(this, call, counted, voteBy, quorum);
      vote.start();
      return vote;
    }
    AsyncFailover<T> failover = new AsyncFailover<>(this, call, counted);
    failover.attempt(first());
    return failover;
  }

  /**
   * Runs one call of a synchronous {@code HEDGED} method: each replica's call runs on the context's
   * {@linkplain ChainmailContext#replicaExecutor() replica executor}, inside the caller's context as its
   * {@link ContextPropagator} captures it, and the caller waits for the outcome, chosen as for
   * {@link #async asynchronous calls}. A loser's call is cancelled by interrupting its thread. When every replica
   * called has failed, this method throws what the last one threw, as the proxy's method declares it, with the
   * earlier failures suppressed.
   *
   * @param call runs the guards beneath for one replica, given its index
   * @param counted whether a failure is the replica's: the proxy's {@code failOn} and {@code skipOn} checks
   * @param <T> the type of the value
   * @return the winner's answer
   * @throws IllegalStateException if the policy's strategy calls one replica at a time; such methods keep their loop
   *     in the proxy
   * @throws java.util.concurrent.CancellationException if the caller is interrupted while it waits; every replica's
   *     call is then cancelled, and the caller's interrupt flag is set on return
   */
  public <T> T call(ReplicaCall<? extends T> call, Predicate<? super Throwable> counted) {
    return call(call, counted, Function.identity());
  }

  /**
   * {@link #call(ReplicaCall, Predicate)} for a {@code QUORUM} method whose answers are compared by a key, as
   * {@link #async(IntFunction, Predicate, Function)} describes; the caller waits for the quorum, and a failed vote
   * throws {@link NoQuorumException}.
   *
   * @param call runs the guards beneath for one replica, given its index
   * @param counted whether a failure is the replica's
   * @param voteBy what an answer is compared by
   * @param <T> the type of the value
   * @return the answer the quorum agreed on
   */
  public <T> T call(ReplicaCall<? extends T> call, Predicate<? super Throwable> counted,
      Function<? super T, ?> voteBy) {
    Objects.requireNonNull(call, "call");
    Objects.requireNonNull(counted, "counted");
    if (strategy != ReplicaStrategy.HEDGED && strategy != ReplicaStrategy.QUORUM) {
      throw new IllegalStateException(method + ": the " + strategy + " strategy calls one replica at a time");
    }
    if (!enabled) {
      // Turned off by config: the primary alone, on the caller's thread.
      try {
        return call.call(first());
      } catch (Exception failure) {
        throw Sneaky.<RuntimeException>rethrow(failure);
      }
    }
    Executor executor = replicas.context().replicaExecutor();
    Executor caller = replicas.context().propagator().capture();
    CompletableFuture<T> outcome = start(replica -> ThreadCall.start(executor, caller, call, replica), counted,
        voteBy, true);
    try {
      return outcome.get();
    } catch (InterruptedException interrupted) {
      outcome.cancel(true);
      Thread.currentThread().interrupt();
      CancellationException cancelled = new CancellationException(method
          + ": interrupted while waiting for its replicas, whose calls were cancelled");
      cancelled.initCause(interrupted);
      throw cancelled;
    } catch (ExecutionException failed) {
      throw Sneaky.<RuntimeException>rethrow(failed.getCause());
    }
  }

  /** @return whether calls must be bracketed with {@link ReplicaSet#enter(int)} and {@link ReplicaSet#exit(int)} */
  public boolean balancesLoad() {
    return strategy == ReplicaStrategy.LEAST_LOADED;
  }

  /** @return the replicated method, as {@code com.example.Answerer/answer} */
  public String method() {
    return method;
  }

  /** @return how replicas are chosen */
  public ReplicaStrategy strategy() {
    return strategy;
  }

  /** @return the replicas this policy chooses among */
  public ReplicaSet<?> replicas() {
    return replicas;
  }

  @Override
  public String toString() {
    return "ReplicaPolicy[" + method + ": " + strategy + (weights == null ? "" : " " + Arrays.toString(weights))
        + ", " + size + " replicas]";
  }

  /** Builds a {@link ReplicaPolicy}, checking each value as it is set. Instances are not thread-safe. */
  public static final class Builder {
    private final String method;
    private final ReplicaStrategy strategy;
    private int[] weights;
    private boolean onType;
    private boolean enabled = true;
    private long hedgeDelayNanos = -1L;
    private int maxHedges = 1;
    private double hedgeBudget = 0.1;
    private int quorum;

    private Builder(String method, ReplicaStrategy strategy) {
      this.method = Objects.requireNonNull(method, "method");
      this.strategy = Objects.requireNonNull(strategy, "strategy");
    }

    /**
     * Says that the method's {@code @Replicated} comes from the chain type's, so that the type's config keys, such
     * as {@code com.example.Answerer/Replicated/weights}, apply to it after the method's own.
     *
     * @return this builder
     */
    public Builder declaredOnType() {
      this.onType = true;
      return this;
    }

    /**
     * @param weights one positive weight per replica, in index order; {@link #build} checks the count
     * @return this builder
     * @throws ConfigurationException if the strategy is not {@link ReplicaStrategy#WEIGHTED}, or a weight is not
     *     positive
     * @throws NullPointerException if {@code weights} is null
     */
    public Builder weights(int... weights) {
      Objects.requireNonNull(weights, "weights");
      if (strategy != ReplicaStrategy.WEIGHTED) {
        throw new ConfigurationException(method + ": weights " + Arrays.toString(weights) + " are given for the "
            + strategy + " strategy, which has none; use WEIGHTED or remove the weights");
      }
      for (int i = 0; i < weights.length; i++) {
        if (weights[i] < 1) {
          throw new ConfigurationException(method + ": weight " + i + " must be at least 1, was " + weights[i]
              + " in " + Arrays.toString(weights));
        }
      }
      this.weights = weights.clone();
      return this;
    }

    /**
     * Sets the hedge delay of {@link ReplicaStrategy#HEDGED}: how long a call waits for an answer before it sends
     * a hedge. The empty string, the default, is the adaptive delay: the p95 latency of the method's recent
     * successful calls, over a sliding window of 10 s, and 2 s until 20 calls have been seen.
     *
     * @param hedgeDelay a duration such as {@code "200ms"}, or {@code ""} for the adaptive delay
     * @return this builder
     * @throws ConfigurationException if the strategy is not {@code HEDGED}, or the duration is not valid or zero
     */
    public Builder hedgeDelay(String hedgeDelay) {
      Objects.requireNonNull(hedgeDelay, "hedgeDelay");
      requireHedged("hedgeDelay");
      if (hedgeDelay.isEmpty()) {
        hedgeDelayNanos = -1L;
        return this;
      }
      long nanos = Checks.duration(method, "hedgeDelay", hedgeDelay);
      if (nanos == 0) {
        throw new ConfigurationException(method + ": hedgeDelay is zero, which would hedge every call at once; "
            + "give a positive duration, or \"\" for the adaptive delay");
      }
      hedgeDelayNanos = nanos;
      return this;
    }

    /**
     * @param maxHedges the most extra calls one {@code HEDGED} call may send; at least 1 (default 1)
     * @return this builder
     * @throws ConfigurationException if the strategy is not {@code HEDGED}, or {@code maxHedges} is less than 1
     */
    public Builder maxHedges(int maxHedges) {
      requireHedged("maxHedges");
      if (maxHedges < 1) {
        throw new ConfigurationException(method + ": maxHedges must be at least 1, was " + maxHedges);
      }
      this.maxHedges = maxHedges;
      return this;
    }

    /**
     * @param hedgeBudget the hedges allowed per call over a sliding window of 10 s, plus 100 per window, in
     *     {@code [0, 1]} (default 0.1); 0 sends no hedge at all, and a call then fails over as with {@code FAILOVER}
     * @return this builder
     * @throws ConfigurationException if the strategy is not {@code HEDGED}, or the budget lies outside [0, 1]
     */
    public Builder hedgeBudget(double hedgeBudget) {
      requireHedged("hedgeBudget");
      if (!(hedgeBudget >= 0 && hedgeBudget <= 1)) {
        throw new ConfigurationException(method + ": hedgeBudget must be in [0, 1], was " + hedgeBudget);
      }
      this.hedgeBudget = hedgeBudget;
      return this;
    }

    /**
     * @param quorum how many replicas of a {@code QUORUM} call must agree; 0, the default, for a strict majority of
     *     the replicas; {@link #build} checks that there are that many
     * @return this builder
     * @throws ConfigurationException if the strategy is not {@code QUORUM}, or {@code quorum} is negative
     */
    public Builder quorum(int quorum) {
      if (strategy != ReplicaStrategy.QUORUM) {
        throw new ConfigurationException(method + ": quorum is given for the " + strategy
            + " strategy, which does not vote; use QUORUM or remove it");
      }
      if (quorum < 0) {
        throw new ConfigurationException(method + ": quorum must be 0, for a strict majority, or positive, was "
            + quorum);
      }
      this.quorum = quorum;
      return this;
    }

    private void requireHedged(String knob) {
      if (strategy != ReplicaStrategy.HEDGED) {
        throw new ConfigurationException(method + ": " + knob + " is given for the " + strategy
            + " strategy, which sends no hedges; use HEDGED or remove it");
      }
    }

    /**
     * @param replicas the replicas to choose among; the policy draws random numbers from their context
     * @return the policy
     * Applies the overrides in the replicas' config, then builds the policy. The keys are this builder's method,
     * then the type's if {@link #declaredOnType()}, then every use's, followed by {@code Replicated/}: {@code weights}
     * (whole numbers, comma-separated) and {@code enabled} ({@code false} keeps every call on the primary). Keys for
     * {@code strategy}, {@code failOn} and {@code skipOn}, compiled into the proxy, and a method's keys for the
     * replica set's detection knobs, are rejected.
     *
     * @throws ConfigurationException if the strategy is {@link ReplicaStrategy#WEIGHTED} and there is not one weight
     *     per replica, or an override is bad or not allowed; the message names the key
     * @throws NullPointerException if {@code replicas} is null
     */
    public ReplicaPolicy build(ReplicaSet<?> replicas) {
      Objects.requireNonNull(replicas, "replicas");
      ChainmailConfig config = replicas.context().config();
      Builder configured = new Builder(method, strategy);
      configured.weights = weights;
      configured.hedgeDelayNanos = hedgeDelayNanos;
      configured.maxHedges = maxHedges;
      configured.hedgeBudget = hedgeBudget;
      configured.quorum = quorum;
      ConfigOverrides.apply(config, method, onType, "Replicated", OVERRIDES, FIXED, configured,
          Overrides.INSTANCE);
      for (String knob : ReplicaDetection.KNOBS) {
        ConfigOverrides.Found found = ConfigOverrides.findOnMethod(config, method, "Replicated", knob);
        if (found != null) {
          throw ConfigOverrides.invalid(found, knob + " belongs to the replica set, which every replicated method"
              + " shares; set " + method.substring(0, method.lastIndexOf('/')) + "/Replicated/" + knob
              + " instead", null);
        }
      }
      configured.enabled = ConfigOverrides.enabled(config, method, onType, "Replicated");
      if (configured.quorum > replicas.size()) {
        throw new ConfigurationException(method + ": a quorum of " + configured.quorum + " cannot be reached with "
            + replicas.size() + (replicas.size() == 1 ? " replica" : " replicas") + "; give at least "
            + configured.quorum + " replicas, or lower the quorum");
      }
      int[] chosen = configured.weights;
      if (strategy == ReplicaStrategy.WEIGHTED) {
        if (chosen == null) {
          throw new ConfigurationException(method + ": the WEIGHTED strategy needs one weight per replica, and "
              + "none were given for its " + replicas.size() + " replicas; call weights(...)");
        }
        if (chosen.length != replicas.size()) {
          throw new ConfigurationException(method + ": the WEIGHTED strategy needs one weight per replica, but "
              + chosen.length + " weights " + Arrays.toString(chosen) + " were given for " + replicas.size()
              + " replicas");
        }
      }
      return new ReplicaPolicy(configured, replicas, chosen == null ? null : chosen.clone());
    }
  }

  private static final String[] OVERRIDES = {"weights", "hedgeDelay", "maxHedges", "hedgeBudget", "quorum"};
  private static final String[][] FIXED = {
      {"strategy", "decides the loop the proxy was compiled with (LEAST_LOADED counts calls in flight)"},
      {"failOn", ConfigOverrides.INSTANCEOF},
      {"skipOn", ConfigOverrides.INSTANCEOF}};

  /** Sets a builder's weights from its {@code Replicated/weights} config key: whole numbers, comma-separated. */
  private enum Overrides implements ConfigOverrides.Target<Builder> {
    INSTANCE;

    @Override
    public void set(Builder builder, String attribute, String value) {
      if (attribute.equals("quorum")) {
        // A key for every use, Replicated/quorum, reaches the methods that do not vote too.
        if (builder.strategy == ReplicaStrategy.QUORUM) {
          builder.quorum(ConfigOverrides.parseInt(value.trim()));
        }
        return;
      }
      if (!attribute.equals("weights")) {
        // A key for every use, such as Replicated/maxHedges, reaches the methods that do not hedge too.
        if (builder.strategy == ReplicaStrategy.HEDGED) {
          setHedging(builder, attribute, value);
        }
        return;
      }
      String[] parts = value.split(",", -1);
      int[] weights = new int[parts.length];
      for (int i = 0; i < parts.length; i++) {
        weights[i] = ConfigOverrides.parseInt(parts[i].trim());
      }
      builder.weights(weights);
    }

    private static void setHedging(Builder builder, String attribute, String value) {
      switch (attribute) {
        case "hedgeDelay":
          builder.hedgeDelay(value.trim());
          break;
        case "maxHedges":
          builder.maxHedges(ConfigOverrides.parseInt(value.trim()));
          break;
        default:
          builder.hedgeBudget(ConfigOverrides.parseDouble(value.trim()));
      }
    }
  }
}
