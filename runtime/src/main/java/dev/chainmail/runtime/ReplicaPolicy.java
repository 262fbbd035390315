package dev.chainmail.runtime;

import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

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
 * {@link ReplicaStrategy#RANDOM} and {@link ReplicaStrategy#LEAST_LOADED} one or two random draws.
 * {@link ReplicaStrategy#WEIGHTED} takes a short lock per choice: smooth weighted round robin updates every
 * replica's current weight together, and a lock-free form would allocate a new state per choice.
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

  private ReplicaPolicy(Builder builder, ReplicaSet<?> replicas, int[] weights) {
    this.method = builder.method;
    this.strategy = builder.strategy;
    this.replicas = replicas;
    this.size = replicas.size();
    this.all = size == 64 ? -1L : (1L << size) - 1;
    this.random = replicas.context().random();
    this.weights = weights;
    this.current = weights == null ? null : new long[size];
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
    switch (strategy) {
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
          return turn % size;
        }
        return open == 0 ? replicas.earliestEjected() : nth(open, turn % Long.bitCount(open));
      }
      default: {
        long open = availableAmong(all);
        return open == 0 ? replicas.earliestEjected() : choose(open);
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
    switch (strategy) {
      case FAILOVER:
        for (int i = 0; i < size; i++) {
          if ((tried & (1L << i)) == 0 && replicas.available(i, method)) {
            return i;
          }
        }
        return -1;
      case ROUND_ROBIN: {
        int start = (position.getAndIncrement() & Integer.MAX_VALUE) % size;
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
    int a = draw(count);
    if (strategy == ReplicaStrategy.RANDOM) {
      return nth(open, a);
    }
    int b = draw(count - 1);
    if (b >= a) {
      b++;
    }
    int first = nth(open, a);
    int second = nth(open, b);
    return replicas.inFlight(second) < replicas.inFlight(first) ? second : first;
  }

  /** @return a number drawn uniformly from {@code [0, bound)} */
  private int draw(int bound) {
    int n = (int) (random.nextDouble() * bound);
    return n < bound ? n : bound - 1;
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

    private Builder(String method, ReplicaStrategy strategy) {
      this.method = Objects.requireNonNull(method, "method");
      this.strategy = Objects.requireNonNull(strategy, "strategy");
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
     * @param replicas the replicas to choose among; the policy draws random numbers from their context
     * @return the policy
     * @throws ConfigurationException if the strategy is {@link ReplicaStrategy#WEIGHTED} and there is not one weight
     *     per replica
     * @throws NullPointerException if {@code replicas} is null
     */
    public ReplicaPolicy build(ReplicaSet<?> replicas) {
      Objects.requireNonNull(replicas, "replicas");
      if (strategy == ReplicaStrategy.WEIGHTED) {
        if (weights == null) {
          throw new ConfigurationException(method + ": the WEIGHTED strategy needs one weight per replica, and "
              + "none were given for its " + replicas.size() + " replicas; call weights(...)");
        }
        if (weights.length != replicas.size()) {
          throw new ConfigurationException(method + ": the WEIGHTED strategy needs one weight per replica, but "
              + weights.length + " weights " + Arrays.toString(weights) + " were given for " + replicas.size()
              + " replicas");
        }
      }
      return new ReplicaPolicy(this, replicas, weights == null ? null : weights.clone());
    }
  }
}
