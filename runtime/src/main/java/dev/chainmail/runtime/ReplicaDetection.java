package dev.chainmail.runtime;

import dev.chainmail.runtime.internal.ConfigOverrides;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * How a {@link ReplicaSet} finds and ejects failing replicas, in the manner of Envoy's outlier detection.
 *
 * <p>A replica that fails {@code ejectAfter} calls or probes in a row is ejected for {@code ejectFor}; each later
 * ejection of the same replica lasts twice as long as the one before, up to {@code maxEjectFor}. At most
 * {@code maxEjectedPercent} of the replicas, rounded down but always at least one, are ejected at once. With
 * {@code heartbeatEvery}, {@link ReplicaSet#startHeartbeat} probes every replica at that interval.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class ReplicaDetection {

  private final String chain;
  private final int ejectAfter;
  private final long ejectForNanos;
  private final long maxEjectForNanos;
  private final int maxEjectedPercent;
  private final long heartbeatEveryNanos;

  private ReplicaDetection(Builder builder) {
    this.chain = builder.chain;
    this.ejectAfter = builder.ejectAfter;
    this.ejectForNanos = builder.ejectForNanos;
    this.maxEjectForNanos = builder.maxEjectForNanos;
    this.maxEjectedPercent = builder.maxEjectedPercent;
    this.heartbeatEveryNanos = builder.heartbeatEveryNanos;
  }

  /**
   * Returns a builder with the defaults: eject after 5 consecutive failures, for 30s, at most 300s, at most 50% of
   * the replicas at once, and no heartbeat.
   *
   * @param chain the replicated chain, as {@code com.example.Answerer}: the name its messages carry
   * @return a new builder
   * @throws NullPointerException if {@code chain} is null
   */
  public static Builder builder(String chain) {
    return new Builder(chain);
  }

  /** @return the replicated chain, as {@code com.example.Answerer} */
  public String chain() {
    return chain;
  }

  /** @return how many consecutive failures eject a replica; at least 1 */
  public int ejectAfter() {
    return ejectAfter;
  }

  /** @return how long a replica's first ejection lasts, in nanoseconds; positive */
  public long ejectForNanos() {
    return ejectForNanos;
  }

  /** @return the longest an ejection lasts, however often the replica was ejected, in nanoseconds */
  public long maxEjectForNanos() {
    return maxEjectForNanos;
  }

  /** @return the most replicas ejected at once, as a percentage of all of them, from 0 to 100 */
  public int maxEjectedPercent() {
    return maxEjectedPercent;
  }

  /** @return the interval between heartbeats, in nanoseconds; empty if the replicas are not probed */
  public OptionalLong heartbeatEveryNanos() {
    return heartbeatEveryNanos == 0 ? OptionalLong.empty() : OptionalLong.of(heartbeatEveryNanos);
  }

  /**
   * Returns how long the given ejection of one replica lasts: {@code ejectFor * 2^(ejection - 1)}, capped at
   * {@code maxEjectFor}.
   *
   * @param ejection which ejection of the replica, from 1
   * @return its length in nanoseconds
   */
  long ejectionNanos(int ejection) {
    long nanos = ejectForNanos;
    for (int i = 1; i < ejection && nanos < maxEjectForNanos; i++) {
      nanos = nanos > maxEjectForNanos / 2 ? maxEjectForNanos : nanos * 2;
    }
    return Math.min(nanos, maxEjectForNanos);
  }

  @Override
  public String toString() {
    return "ReplicaDetection[" + chain + ": ejectAfter=" + ejectAfter + ", ejectFor=" + Durations.format(ejectForNanos)
        + ", maxEjectFor=" + Durations.format(maxEjectForNanos) + ", maxEjectedPercent=" + maxEjectedPercent
        + ", heartbeatEvery=" + (heartbeatEveryNanos == 0 ? "none" : Durations.format(heartbeatEveryNanos)) + "]";
  }

  /** The knobs that config can override, as {@code @Replicated} names them. */
  static final String[] KNOBS = {"ejectAfter", "ejectFor", "maxEjectFor", "maxEjectedPercent"};

  /**
   * Returns these settings with the config's overrides of the chain type's {@code @Replicated} knobs:
   * {@code <Class>/Replicated/<knob>}, then {@code Replicated/<knob>}. A replica set's detection belongs to the
   * type, so a method's key does not reach it (a {@link ReplicaPolicy} rejects one).
   *
   * @throws ConfigurationException if an override does not parse or is out of range; the message names the key
   */
  ReplicaDetection configured(ChainmailConfig config) {
    Builder builder = new Builder(chain);
    builder.ejectAfter = ejectAfter;
    builder.ejectForNanos = ejectForNanos;
    builder.maxEjectForNanos = maxEjectForNanos;
    builder.maxEjectedPercent = maxEjectedPercent;
    builder.heartbeatEveryNanos = heartbeatEveryNanos;
    ConfigOverrides.applyToType(config, chain, "Replicated", KNOBS, builder, Overrides.INSTANCE);
    return builder.build();
  }

  /** Sets a builder's knobs from the {@code Replicated} config keys. */
  private enum Overrides implements ConfigOverrides.Target<Builder> {
    INSTANCE;

    @Override
    public void set(Builder builder, String attribute, String value) {
      switch (attribute) {
        case "ejectAfter":
          builder.ejectAfter(ConfigOverrides.parseInt(value));
          break;
        case "ejectFor":
          builder.ejectFor(value);
          break;
        case "maxEjectFor":
          builder.maxEjectFor(value);
          break;
        default:
          builder.maxEjectedPercent(ConfigOverrides.parseInt(value));
          break;
      }
    }
  }

  /**
   * Builds a {@link ReplicaDetection}, checking each value as it is set and their relation at {@link #build()}.
   * Instances are not thread-safe.
   */
  public static final class Builder {
    private final String chain;
    private int ejectAfter = 5;
    private long ejectForNanos = 30_000_000_000L;
    private long maxEjectForNanos = 300_000_000_000L;
    private int maxEjectedPercent = 50;
    private long heartbeatEveryNanos;

    private Builder(String chain) {
      this.chain = Objects.requireNonNull(chain, "chain");
    }

    /**
     * @param ejectAfter how many consecutive failures, of calls and probes together, eject a replica
     * @return this builder
     * @throws ConfigurationException if {@code ejectAfter} is less than 1
     */
    public Builder ejectAfter(int ejectAfter) {
      this.ejectAfter = Checks.atLeastOne(chain, "ejectAfter", ejectAfter);
      return this;
    }

    /**
     * @param ejectFor how long a replica's first ejection lasts, as a duration string such as {@code "30s"}
     * @return this builder
     * @throws ConfigurationException if {@code ejectFor} is null, does not parse or is zero
     */
    public Builder ejectFor(String ejectFor) {
      return ejectForNanos(Checks.duration(chain, "ejectFor", ejectFor));
    }

    /**
     * @param ejectForNanos how long a replica's first ejection lasts, in nanoseconds
     * @return this builder
     * @throws ConfigurationException if {@code ejectForNanos} is not positive
     */
    public Builder ejectForNanos(long ejectForNanos) {
      this.ejectForNanos = Checks.positiveNanos(chain, "ejectFor", ejectForNanos);
      return this;
    }

    /**
     * @param maxEjectFor the longest an ejection lasts, as a duration string such as {@code "300s"}; at least
     *     {@code ejectFor}, which {@link #build()} checks
     * @return this builder
     * @throws ConfigurationException if {@code maxEjectFor} is null, does not parse or is zero
     */
    public Builder maxEjectFor(String maxEjectFor) {
      return maxEjectForNanos(Checks.duration(chain, "maxEjectFor", maxEjectFor));
    }

    /**
     * @param maxEjectForNanos the longest an ejection lasts, in nanoseconds
     * @return this builder
     * @throws ConfigurationException if {@code maxEjectForNanos} is not positive
     */
    public Builder maxEjectForNanos(long maxEjectForNanos) {
      this.maxEjectForNanos = Checks.positiveNanos(chain, "maxEjectFor", maxEjectForNanos);
      return this;
    }

    /**
     * @param maxEjectedPercent the most replicas ejected at once, as a percentage of all of them, rounded down; one
     *     replica may always be ejected, even at 0
     * @return this builder
     * @throws ConfigurationException if {@code maxEjectedPercent} is not in {@code [0, 100]}
     */
    public Builder maxEjectedPercent(int maxEjectedPercent) {
      if (maxEjectedPercent < 0 || maxEjectedPercent > 100) {
        throw new ConfigurationException(chain + ": maxEjectedPercent must be from 0 to 100, was "
            + maxEjectedPercent);
      }
      this.maxEjectedPercent = maxEjectedPercent;
      return this;
    }

    /**
     * @param heartbeatEvery the interval between heartbeat probes of every replica, as a duration string such as
     *     {@code "10s"}; without it there is no heartbeat
     * @return this builder
     * @throws ConfigurationException if {@code heartbeatEvery} is null, does not parse or is zero
     */
    public Builder heartbeatEvery(String heartbeatEvery) {
      return heartbeatEveryNanos(Checks.duration(chain, "heartbeatEvery", heartbeatEvery));
    }

    /**
     * @param heartbeatEveryNanos the interval between heartbeat probes of every replica, in nanoseconds
     * @return this builder
     * @throws ConfigurationException if {@code heartbeatEveryNanos} is not positive
     */
    public Builder heartbeatEveryNanos(long heartbeatEveryNanos) {
      this.heartbeatEveryNanos = Checks.positiveNanos(chain, "heartbeatEvery", heartbeatEveryNanos);
      return this;
    }

    /**
     * @return the detection settings
     * @throws ConfigurationException if {@code maxEjectFor} is shorter than {@code ejectFor}
     */
    public ReplicaDetection build() {
      if (maxEjectForNanos < ejectForNanos) {
        throw new ConfigurationException(chain + ": maxEjectFor must be at least ejectFor ("
            + Durations.format(ejectForNanos) + "), was " + Durations.format(maxEjectForNanos)
            + "; raise maxEjectFor or lower ejectFor");
      }
      return new ReplicaDetection(this);
    }
  }
}
