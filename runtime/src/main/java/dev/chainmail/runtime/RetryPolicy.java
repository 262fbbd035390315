package dev.chainmail.runtime;

import dev.chainmail.runtime.internal.ConfigOverrides;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The retry schedule of one guarded method: how many attempts, and how long to pause between them.
 *
 * <p>A generated proxy builds one policy per guarded method when it is constructed, and calls it only on the failure
 * path: the retry loop itself, and the choice of which failures are retried, are written out in the proxy. With
 * {@code attempt} the number of attempts made so far, the pause before the next one is
 * {@code delay * multiplier^(attempt - 1)}, varied at random by up to &plusmn;{@code jitter} of itself, and then
 * capped at {@code maxDelay}. A failure's own hint ({@link RetryAfter}, or the proxy's {@code delayFrom} method)
 * lengthens the pause, up to {@code maxDelay}. A {@linkplain Builder#budget budget} bounds the retries to a
 * fraction of the calls over a sliding window.
 *
 * <p>This class is immutable and thread-safe: one policy serves every call of its method, each with its own
 * attempt count.
 */
public final class RetryPolicy {

  /** The value of {@link #maxDelayNanos()} and {@link #maxDurationNanos()} when there is no limit. */
  public static final long NO_LIMIT = Long.MAX_VALUE;

  /** The value of {@link #budget()} when retries have no budget. */
  public static final double NO_BUDGET = Double.POSITIVE_INFINITY;

  /** The retries a budget always allows in its window of 10 s, so that a method with few calls can retry. */
  public static final int BUDGET_FLOOR = 10;

  private final String method;
  /** False when the config's {@code enabled} key turned the guard off. */
  private final boolean enabled;
  private final int maxAttempts;
  private final long delayNanos;
  private final double multiplier;
  private final long maxDelayNanos;
  private final double jitter;
  private final long maxDurationNanos;
  /** The retry budget, shared under the builder's name; null for none. */
  private final LoadBudget budget;
  private final Clock clock;
  private final RandomSource random;
  private final ChainmailContext context;
  private final ChainmailListener listener;

  private RetryPolicy(Builder builder, ChainmailContext context) {
    this.method = builder.method;
    this.enabled = builder.enabled;
    this.maxAttempts = builder.maxAttempts;
    this.delayNanos = builder.delayNanos;
    this.multiplier = builder.multiplier;
    this.maxDelayNanos = builder.maxDelayNanos;
    this.jitter = builder.jitter;
    this.maxDurationNanos = builder.maxDurationNanos;
    this.budget = builder.budget == NO_BUDGET || !builder.enabled ? null
        : context.guards().share("retry budget", builder.name, builder.method,
            new LoadBudget(builder.budget, BUDGET_FLOOR, context.clock()));
    this.clock = context.clock();
    this.random = context.random();
    this.context = context;
    this.listener = context.listener();
  }

  /**
   * Returns a builder for the policy of one guarded method, with the defaults of {@code @Retry}: 3 attempts, no
   * delay, a multiplier of 1, no jitter and no limits.
   *
   * @param method the guarded method as {@code com.example.ResearchChain/answer}: the prefix of its config keys and
   *     the name its events carry
   * @return a new builder
   * @throws NullPointerException if {@code method} is null
   */
  public static Builder builder(String method) {
    return new Builder(method);
  }

  /**
   * Decides whether to retry after a failed attempt and, if so, pauses first. Use this form when the policy has no
   * {@code maxDuration}.
   *
   * @param attempt the number of attempts made so far, from 1
   * @param failure what the last attempt threw; passed to the listener
   * @return {@code true} once the pause is over and the next attempt may start; {@code false} if retrying stops,
   *     because the attempts are used up or the thread was interrupted (its interrupt flag is then set)
   * @throws IllegalArgumentException if {@code attempt} is less than 1
   */
  public boolean pauseBeforeRetry(int attempt, Throwable failure) {
    return retry(attempt, failure, false, 0L, hint(failure));
  }

  /**
   * Decides whether to retry after a failed attempt and, if so, pauses first. Use this form when the policy has a
   * {@code maxDuration}: retrying also stops when the pause would end {@code maxDuration} or later after
   * {@code startNanos}.
   *
   * @param attempt the number of attempts made so far, from 1
   * @param failure what the last attempt threw; passed to the listener
   * @param startNanos the context clock's reading when the first attempt began
   * @return {@code true} once the pause is over and the next attempt may start; {@code false} if retrying stops
   * @throws IllegalArgumentException if {@code attempt} is less than 1
   */
  public boolean pauseBeforeRetry(int attempt, Throwable failure, long startNanos) {
    return retry(attempt, failure, true, startNanos, hint(failure));
  }

  /**
   * Decides whether to retry after a failed attempt and, if so, pauses first; the form for a proxy whose
   * {@code @Retry} names a {@code delayFrom} method, which read {@code retryAfter} from the failure. The pause is
   * the longer of the computed backoff and {@code retryAfter}, capped at {@code maxDelay}.
   *
   * @param attempt the number of attempts made so far, from 1
   * @param failure what the last attempt threw; passed to the listener
   * @param startNanos the context clock's reading when the first attempt began, from {@link #startNanos()};
   *     ignored, and may be 0, when the policy has no {@code maxDuration}
   * @param retryAfter how long the failure asked to wait; null, zero or negative for no hint
   * @return {@code true} once the pause is over and the next attempt may start; {@code false} if retrying stops
   * @throws IllegalArgumentException if {@code attempt} is less than 1
   */
  public boolean pauseBeforeRetry(int attempt, Throwable failure, long startNanos, Duration retryAfter) {
    return retry(attempt, failure, true, startNanos, nanos(retryAfter));
  }

  /**
   * Decides whether to try again after an attempt whose result the proxy's {@code retryOnResult} method rejected
   * and, if so, pauses first, exactly as after a failure. The listener hears the retry, or the end of retrying,
   * with a null failure. When this returns {@code false} the proxy returns the rejected result.
   *
   * @param attempt the number of attempts made so far, from 1
   * @param startNanos the context clock's reading when the first attempt began, from {@link #startNanos()};
   *     ignored, and may be 0, when the policy has no {@code maxDuration}
   * @return {@code true} once the pause is over and the next attempt may start; {@code false} if retrying stops
   * @throws IllegalArgumentException if {@code attempt} is less than 1
   */
  public boolean pauseBeforeRetryOfResult(int attempt, long startNanos) {
    return retry(attempt, null, true, startNanos, 0L);
  }

  /**
   * Counts a call of the method toward the retry budget; a proxy calls it once per call, before the first
   * attempt, when its {@code @Retry} has a budget. Does nothing when the policy has none.
   */
  public void recordCall() {
    if (budget != null) {
      budget.recordCall();
    }
  }

  /** The decision and the pause; {@code timed} says whether {@code startNanos} may be checked against maxDuration. */
  private boolean retry(int attempt, Throwable failure, boolean timed, long startNanos, long hintNanos) {
    if (Thread.currentThread().isInterrupted() && enabled && attempt < maxAttempts) {
      return giveUp(attempt, failure);
    }
    long pause = nextPause(attempt, failure, timed, startNanos, hintNanos);
    return pause >= 0 && pause(attempt, failure, pause);
  }

  /**
   * The decision alone: the pause before the next attempt, in nanoseconds, or -1 once the listener has heard that
   * retrying stops. A pause granted has spent its share of the budget.
   */
  long nextPause(int attempt, Throwable failure, boolean timed, long startNanos, long hintNanos) {
    if (!enabled) {
      return -1L;
    }
    if (attempt >= maxAttempts) {
      giveUp(attempt, failure);
      return -1L;
    }
    long pause = pauseNanos(attempt);
    if (hintNanos > pause) {
      pause = Math.min(hintNanos, maxDelayNanos);
    }
    if (timed && maxDurationNanos != NO_LIMIT) {
      long elapsed = clock.nanoTime() - startNanos;
      if (elapsed >= maxDurationNanos || pause >= maxDurationNanos - elapsed) {
        giveUp(attempt, failure);
        return -1L;
      }
    }
    if (budget != null && !budget.trySpend()) {
      giveUp(attempt, failure);
      return -1L;
    }
    return pause;
  }

  /**
   * Runs one call of an asynchronous method under this policy: {@code attempt} starts an attempt, and each failed
   * attempt that {@code retried} accepts is tried again after its pause, on the context's
   * {@linkplain ChainmailContext#scheduler() scheduler}, never blocking a thread. The proxy calls this once per
   * call; the call is counted toward the budget here.
   *
   * <p>The returned stage completes with the first attempt's value that {@code rejects} does not reject, or, once
   * retrying stops, with the last attempt's failure, or its rejected value. Cancelling it cancels the attempt under
   * way and calls off the next one. Scheduled attempts run inside the caller's context, as the context's
   * {@link ContextPropagator} captured it when this method was called; a policy that cannot retry (one attempt, or
   * turned off) captures nothing.
   *
   * @param attempt starts one attempt; it may return a failed stage, or throw, which fails the attempt
   * @param retried whether a failure is retried: the proxy's {@code retryOn} and {@code abortOn} checks
   * @param delayFrom the wait a failure asks for, from the proxy's {@code delayFrom} method; null for none, and
   *     then a failure that is a {@link RetryAfter} asks for its own
   * @param rejects whether a value is tried again, from the proxy's {@code retryOnResult} method; null for none
   * @param <T> the type of the attempts' values
   * @return the call's stage, at once
   * @throws NullPointerException if {@code attempt} or {@code retried} is null
   */
  public <T> CompletableFuture<T> async(Supplier<? extends CompletionStage<? extends T>> attempt,
      Predicate<? super Throwable> retried, Function<? super Throwable, Duration> delayFrom,
      Predicate<? super T> rejects) {
    recordCall();
    long startNanos = maxDurationNanos == NO_LIMIT ? 0L : clock.nanoTime();
    CompletionStage<? extends T> first = AsyncStages.start(attempt);
    CompletableFuture<T> succeeded = rejects == null ? AsyncStages.succeeded(first) : null;
    if (succeeded != null) {
      // The first attempt has already succeeded, as a cached answer does: nothing to retry, nothing to follow.
      return succeeded;
    }
    // Only a later attempt runs in the caller's captured context: a policy that cannot retry captures nothing.
    Executor caller = enabled && maxAttempts > 1 ? context.propagator().capture() : null;
    AsyncRetry<T> call = new AsyncRetry<>(this, attempt, retried, delayFrom, rejects, startNanos, caller);
    call.first(first);
    return call;
  }

  /**
   * {@link #async(Supplier, Predicate, Function, Predicate)} with no {@code delayFrom} and no {@code rejects}.
   *
   * @param attempt starts one attempt
   * @param retried whether a failure is retried
   * @param <T> the type of the attempts' values
   * @return the call's stage, at once
   */
  public <T> CompletableFuture<T> async(Supplier<? extends CompletionStage<? extends T>> attempt,
      Predicate<? super Throwable> retried) {
    return async(attempt, retried, null, null);
  }

  /** The pause before an asynchronous call's next attempt, or -1 if retrying stops. */
  long nextAsyncPause(int attempt, Throwable failure, long startNanos,
      Function<? super Throwable, Duration> delayFrom) {
    long hint = failure == null ? 0L : delayFrom != null ? nanos(delayFrom.apply(failure)) : hint(failure);
    long pause = nextPause(attempt, failure, true, startNanos, hint);
    if (pause >= 0 && listener != ChainmailListener.NONE) {
      listener.onRetry(method, attempt, failure, pause);
    }
    return pause;
  }

  Scheduler scheduler() {
    return context.scheduler();
  }

  /** The wait a failure asks for through {@link RetryAfter}, in nanoseconds; 0 for none. */
  private static long hint(Throwable failure) {
    return failure instanceof RetryAfter ? nanos(((RetryAfter) failure).retryAfter()) : 0L;
  }

  private static long nanos(Duration wait) {
    if (wait == null || wait.isNegative()) {
      return 0L;
    }
    try {
      return wait.toNanos();
    } catch (ArithmeticException tooLong) {
      return Long.MAX_VALUE;
    }
  }

  /**
   * Reads the context's clock at the start of a call whose policy has a {@code maxDuration}; pass the reading to
   * {@link #pauseBeforeRetry(int, Throwable, long)}. Proxies of methods without a {@code maxDuration} never read
   * the clock.
   *
   * @return the clock's current reading, in nanoseconds
   */
  public long startNanos() {
    return clock.nanoTime();
  }

  /**
   * Returns the pause after the given number of failed attempts, jitter and cap applied. The attempt limit and
   * {@code maxDuration} are not considered.
   *
   * @param attempt the number of attempts made so far, from 1
   * @return the pause in nanoseconds, from zero to {@link #maxDelayNanos()}
   * @throws IllegalArgumentException if {@code attempt} is less than 1
   */
  public long pauseNanos(int attempt) {
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt must be at least 1, was " + attempt);
    }
    double pause = delayNanos;
    if (multiplier != 1.0 && attempt > 1) {
      pause *= Math.pow(multiplier, attempt - 1);
    }
    if (jitter > 0) {
      pause *= 1.0 - jitter + 2.0 * jitter * random.nextDouble();
    }
    long nanos = pause >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) pause;
    return Math.min(nanos, maxDelayNanos);
  }

  /** @return the guarded method, as {@code com.example.ResearchChain/answer} */
  public String method() {
    return method;
  }

  /** @return the total number of attempts, the first included */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** @return the pause before the second attempt, in nanoseconds */
  public long delayNanos() {
    return delayNanos;
  }

  /** @return the factor from one pause to the next */
  public double multiplier() {
    return multiplier;
  }

  /** @return the cap on any single pause in nanoseconds, or {@link #NO_LIMIT} */
  public long maxDelayNanos() {
    return maxDelayNanos;
  }

  /** @return the fraction by which pauses vary at random */
  public double jitter() {
    return jitter;
  }

  /** @return the time after which no new attempt starts in nanoseconds, or {@link #NO_LIMIT} */
  public long maxDurationNanos() {
    return maxDurationNanos;
  }

  /** @return the retries allowed per call over the budget's window, or {@link #NO_BUDGET} */
  public double budget() {
    return budget == null ? NO_BUDGET : budget.ratio();
  }

  @Override
  public String toString() {
    return "RetryPolicy[" + method + ": maxAttempts=" + maxAttempts + ", delay=" + Durations.format(delayNanos)
        + ", multiplier=" + multiplier + ", maxDelay=" + limit(maxDelayNanos) + ", jitter=" + jitter
        + ", maxDuration=" + limit(maxDurationNanos) + (budget == null ? "" : ", budget=" + budget.ratio()) + "]";
  }

  private static String limit(long nanos) {
    return nanos == NO_LIMIT ? "none" : Durations.format(nanos);
  }

  private boolean pause(int attempt, Throwable failure, long pause) {
    if (listener != ChainmailListener.NONE) {
      listener.onRetry(method, attempt, failure, pause);
    }
    if (context.pause(pause)) {
      return true;
    }
    return giveUp(attempt, failure);
  }

  private boolean giveUp(int attempt, Throwable failure) {
    if (listener != ChainmailListener.NONE) {
      listener.onRetriesExhausted(method, attempt, failure);
    }
    return false;
  }

  /**
   * Builds a {@link RetryPolicy}, checking each value as it is set. Instances are not thread-safe.
   */
  public static final class Builder {
    /** Whether the guard is on; set only from the config's {@code enabled} key when the policy is built. */
    private boolean enabled = true;
    private boolean onType;
    private final String method;
    private int maxAttempts = 3;
    private long delayNanos;
    private double multiplier = 1.0;
    private long maxDelayNanos = NO_LIMIT;
    private double jitter;
    private long maxDurationNanos = NO_LIMIT;
    private double budget = NO_BUDGET;
    private String name = "";

    private Builder(String method) {
      this.method = Objects.requireNonNull(method, "method");
    }

    /**
     * Says that the guard's annotation is written on the chain type, so that the type's config keys, such as
     * {@code com.example.ResearchChain/Retry/<attribute>}, apply to it after the method's own.
     *
     * @return this builder
     */
    public Builder declaredOnType() {
      this.onType = true;
      return this;
    }

    /**
     * @param maxAttempts total attempts, the first included
     * @return this builder
     * @throws ConfigurationException if {@code maxAttempts} is less than 1
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new ConfigurationException(
            method + ": maxAttempts must be at least 1 (1 means no retry), was " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * @param delayNanos the pause before the second attempt, in nanoseconds
     * @return this builder
     * @throws ConfigurationException if {@code delayNanos} is negative
     */
    public Builder delayNanos(long delayNanos) {
      this.delayNanos = nonNegative("delay", delayNanos);
      return this;
    }

    /**
     * @param multiplier the factor from one pause to the next
     * @return this builder
     * @throws ConfigurationException if {@code multiplier} is less than 1 or not finite
     */
    public Builder multiplier(double multiplier) {
      if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
        throw new ConfigurationException(
            method + ": multiplier must be a finite number of at least 1.0, was " + multiplier);
      }
      this.multiplier = multiplier;
      return this;
    }

    /**
     * @param delay the pause before the second attempt, as a duration string such as {@code "200ms"}
     * @return this builder
     * @throws IllegalArgumentException if {@code delay} does not parse or is negative
     */
    public Builder delay(String delay) {
      return delayNanos(Durations.parseNanos(delay));
    }

    /**
     * @param maxDelay the cap on any single pause, as a duration string such as {@code "10s"}
     * @return this builder
     * @throws IllegalArgumentException if {@code maxDelay} does not parse or is negative
     */
    public Builder maxDelay(String maxDelay) {
      return maxDelayNanos(Durations.parseNanos(maxDelay));
    }

    /**
     * @param maxDuration the time after which no new attempt starts, as a duration string such as {@code "30s"}
     * @return this builder
     * @throws IllegalArgumentException if {@code maxDuration} does not parse or is not positive
     */
    public Builder maxDuration(String maxDuration) {
      return maxDurationNanos(Durations.parseNanos(maxDuration));
    }

    /**
     * @param maxDelayNanos the cap on any single pause in nanoseconds, or {@link #NO_LIMIT}
     * @return this builder
     * @throws ConfigurationException if {@code maxDelayNanos} is negative
     */
    public Builder maxDelayNanos(long maxDelayNanos) {
      this.maxDelayNanos = nonNegative("maxDelay", maxDelayNanos);
      return this;
    }

    /**
     * @param jitter the fraction, in {@code [0, 1]}, by which pauses vary at random
     * @return this builder
     * @throws ConfigurationException if {@code jitter} is outside {@code [0, 1]}
     */
    public Builder jitter(double jitter) {
      if (!(jitter >= 0.0 && jitter <= 1.0)) {
        throw new ConfigurationException(method + ": jitter must be in [0, 1], was " + jitter);
      }
      this.jitter = jitter;
      return this;
    }

    /**
     * Sets the time after which no new attempt starts. A proxy can only honour it when its annotation declares a
     * {@code maxDuration}, because only then does the generated code read the clock.
     *
     * @param maxDurationNanos the limit in nanoseconds, or {@link #NO_LIMIT}
     * @return this builder
     * @throws ConfigurationException if {@code maxDurationNanos} is not positive
     */
    public Builder maxDurationNanos(long maxDurationNanos) {
      if (maxDurationNanos <= 0) {
        throw new ConfigurationException(method + ": maxDuration must be positive, was "
            + maxDurationNanos + "ns");
      }
      this.maxDurationNanos = maxDurationNanos;
      return this;
    }

    /**
     * Sets the retry budget: over any sliding window of 10 seconds, the retries of this method (or of every policy
     * that shares the builder's {@link #name}) are at most {@code budget} times its {@linkplain #recordCall() calls},
     * plus {@link #BUDGET_FLOOR}. A proxy can only honour it when its annotation declares a budget, because only then
     * does the generated code count the calls.
     *
     * @param budget retries allowed per call, at least 0; {@link #NO_BUDGET} for none
     * @return this builder
     * @throws ConfigurationException if {@code budget} is negative or not a number
     */
    public Builder budget(double budget) {
      if (!(budget >= 0)) {
        throw new ConfigurationException(method + ": budget must be at least 0 (the retries allowed per call), was "
            + budget);
      }
      this.budget = budget;
      return this;
    }

    /**
     * @param name the name under which policies of one context share their retry budget; empty (the default) for
     *     a budget of this method alone
     * @return this builder
     * @throws ConfigurationException if {@code name} is blank but not empty, or has surrounding whitespace
     */
    public Builder name(String name) {
      this.name = Checks.name(method, name);
      return this;
    }

    /**
     * Applies the overrides in the context's config, then builds the policy. The keys are this builder's method
     * followed by {@code /Retry/} and an attribute: {@code maxAttempts}, {@code delay}, {@code multiplier},
     * {@code maxDelay}, {@code jitter}, {@code maxDuration} and {@code budget}.
     *
     * @param context where the config, clock, sleeper, random source and listener come from
     * @return the policy
     * @throws ConfigurationException if an override does not parse or is out of range, if {@code maxDelay} is
     *     shorter than {@code delay}, or if an override sets {@code maxDuration} for a method whose annotation
     *     declares none, or sets {@code budget} where it declares none; if a policy sharing the name has another
     *     budget; the message names the key
     * @throws NullPointerException if {@code context} is null
     */
    public RetryPolicy build(ChainmailContext context) {
      Objects.requireNonNull(context, "context");
      Builder configured = copy();
      ConfigOverrides.apply(context.config(), method, onType, "Retry", OVERRIDES, FIXED,
          configured, Overrides.INSTANCE);
      if (configured.maxDelayNanos < configured.delayNanos) {
        throw new ConfigurationException(method + ": maxDelay (" + Durations.format(configured.maxDelayNanos)
            + ") must not be shorter than delay (" + Durations.format(configured.delayNanos) + ")");
      }
      configured.enabled = ConfigOverrides.enabled(context.config(), method, onType, "Retry");
      return new RetryPolicy(configured, context);
    }

    private Builder copy() {
      Builder copy = new Builder(method);
      copy.maxAttempts = maxAttempts;
      copy.delayNanos = delayNanos;
      copy.multiplier = multiplier;
      copy.maxDelayNanos = maxDelayNanos;
      copy.jitter = jitter;
      copy.maxDurationNanos = maxDurationNanos;
      copy.budget = budget;
      copy.name = name;
      return copy;
    }

    private long nonNegative(String name, long nanos) {
      if (nanos < 0) {
        throw new ConfigurationException(method + ": " + name + " must not be negative, was " + nanos + "ns");
      }
      return nanos;
    }
  }

  private static final String[] OVERRIDES = {"maxAttempts", "delay", "multiplier", "maxDelay", "jitter",
      "maxDuration", "budget"};
  private static final String[][] FIXED = {
      {"retryOn", ConfigOverrides.INSTANCEOF},
      {"abortOn", ConfigOverrides.INSTANCEOF},
      {"retryOnResult", ConfigOverrides.METHOD_CALL},
      {"delayFrom", ConfigOverrides.METHOD_CALL},
      {"name", ConfigOverrides.SHARING}};

  /** Sets a builder's values from its {@code /Retry/} config keys. */
  private enum Overrides implements ConfigOverrides.Target<Builder> {
    INSTANCE;

    @Override
    public void set(Builder builder, String attribute, String value) {
      switch (attribute) {
        case "maxAttempts":
          builder.maxAttempts(ConfigOverrides.parseInt(value));
          break;
        case "delay":
          builder.delay(value);
          break;
        case "multiplier":
          builder.multiplier(ConfigOverrides.parseDouble(value));
          break;
        case "maxDelay":
          builder.maxDelay(value);
          break;
        case "jitter":
          builder.jitter(ConfigOverrides.parseDouble(value));
          break;
        case "budget":
          if (builder.budget == NO_BUDGET) {
            throw new IllegalArgumentException("the @Retry on " + builder.method + " declares no budget, so the "
                + "proxy does not count its calls; declare a budget in the annotation to make it configurable");
          }
          builder.budget(ConfigOverrides.parseDouble(value));
          break;
        default:
          if (builder.maxDurationNanos == NO_LIMIT) {
            throw new IllegalArgumentException("the @Retry on " + builder.method + " declares no maxDuration, so "
                + "the proxy does not time its retries; declare a maxDuration in the annotation to make it "
                + "configurable");
          }
          builder.maxDuration(value);
          break;
      }
    }
  }
}
