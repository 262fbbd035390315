package dev.chainmail.runtime.checkpoint;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The settings of a PostgreSQL checkpoint store, built by {@link #builder()}: how long a worker's lease on a run
 * lasts without renewal, the schema the store's tables live in, and how often a run may be recovered before it is
 * reported dead. Immutable and thread-safe.
 */
public final class PostgresOptions {

  private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private final Duration lease;
  private final String schema;
  private final int maxRecoveryAttempts;

  private PostgresOptions(Builder builder) {
    this.lease = builder.lease;
    this.schema = builder.schema;
    this.maxRecoveryAttempts = builder.maxRecoveryAttempts;
  }

  /** @return a builder with the defaults: a 30 s lease, schema {@code chainmail}, 100 recovery attempts */
  public static Builder builder() {
    return new Builder();
  }

  /** @return how long a lease lasts without renewal; a worker renews its leases every third of it */
  public Duration lease() {
    return lease;
  }

  /** @return the schema the store's tables live in */
  public String schema() {
    return schema;
  }

  /** @return how many recovery attempts may execute a run after its first execution, before it is marked dead */
  public int maxRecoveryAttempts() {
    return maxRecoveryAttempts;
  }

  @Override
  public String toString() {
    return "PostgresOptions[lease=" + lease + ", schema=" + schema + ", maxRecoveryAttempts=" + maxRecoveryAttempts
        + "]";
  }

  /** Builds {@link PostgresOptions}, checking each value as it is set. Not thread-safe. */
  public static final class Builder {
    private Duration lease = Duration.ofSeconds(30);
    private String schema = "chainmail";
    private int maxRecoveryAttempts = 100;

    private Builder() {}

    /**
     * @param lease how long a lease lasts without renewal: at least 1 s, at most a day
     * @return this builder
     * @throws IllegalArgumentException if the lease is shorter than 1 s or longer than a day
     * @throws NullPointerException if {@code lease} is null
     */
    public Builder lease(Duration lease) {
      Objects.requireNonNull(lease, "lease");
      if (lease.compareTo(Duration.ofSeconds(1)) < 0 || lease.compareTo(Duration.ofDays(1)) > 0) {
        throw new IllegalArgumentException("lease must be from 1s to 1 day, so that renewals every third of it "
            + "keep it, was " + lease);
      }
      this.lease = lease;
      return this;
    }

    /**
     * @param schema the schema for the store's tables: a lower-case SQL identifier, never {@code public}
     * @return this builder
     * @throws IllegalArgumentException if it is not a plain lower-case identifier, or is {@code public}
     * @throws NullPointerException if {@code schema} is null
     */
    public Builder schema(String schema) {
      Objects.requireNonNull(schema, "schema");
      if (!IDENTIFIER.matcher(schema).matches() || schema.equals("public")) {
        throw new IllegalArgumentException("schema must be a lower-case SQL identifier (letters, digits and _, "
            + "63 at most) other than public, so that the store's tables stay apart, was '" + schema + "'");
      }
      this.schema = schema;
      return this;
    }

    /**
     * @param maxRecoveryAttempts the recovery attempts (picks by {@code claimUnfinished}, and takeovers of an
     *     expired lease by an entry call) that may execute a run after its first execution; the next attempt marks
     *     it dead; at least 1
     * @return this builder
     * @throws IllegalArgumentException if it is less than 1
     */
    public Builder maxRecoveryAttempts(int maxRecoveryAttempts) {
      if (maxRecoveryAttempts < 1) {
        throw new IllegalArgumentException("maxRecoveryAttempts must be at least 1, was " + maxRecoveryAttempts);
      }
      this.maxRecoveryAttempts = maxRecoveryAttempts;
      return this;
    }

    /** @return the options */
    public PostgresOptions build() {
      return new PostgresOptions(this);
    }
  }
}
