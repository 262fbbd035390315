package dev.chainmail.runtime;

import dev.chainmail.runtime.internal.ConfigOverrides;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * A strict rate limiter: in any interval {@code [t, t + window)} of the context's clock, at most {@code permits}
 * calls of the guarded method are granted a permit.
 *
 * <p>The limiter remembers the grant times of the last {@code permits} calls. A new call is granted at
 * {@code max(now, oldest + window)}, and never before the previous grant, so grant times never decrease and any
 * {@code permits + 1} consecutive grants span at least {@code window}. There are no fixed windows to burst across
 * and no stored tokens. When the grant lies in the future, the call reserves it and pauses until then through the
 * context's sleeper, if that is at most {@code maxWait} away; otherwise it is rejected with
 * {@link RateLimitedException} and reserves nothing.
 *
 * <p>A limiter built with a non-empty {@link Builder#name(String) name} is shared by every method of the same
 * {@link ChainmailContext} that builds one with that name; its exceptions name the method that built it first.
 *
 * <p>This class is thread-safe. Granting takes a short lock, which pausing does not hold.
 */
public final class RateLimitPolicy {

  private final String method;
  /** False when the config's {@code enabled} key turned the guard off. */
  private final boolean enabled;
  private final String name;
  private final int permits;
  private final long windowNanos;
  private final long maxWaitNanos;
  private final String limitedMessage;
  private final String pastMaxWait;
  private final Clock clock;
  private final Sleeper sleeper;
  private final ChainmailListener listener;
  private final Scheduler scheduler;
  private final ContextPropagator propagator;

  private final Object lock = new Object();
  /** The last {@code permits} grant times, oldest at {@link #next} once {@link #granted} reaches the capacity. */
  private final long[] grants;
  private int next;
  private long granted;

  private RateLimitPolicy(Builder builder, ChainmailContext context) {
    this.method = builder.method;
    this.enabled = builder.enabled;
    this.name = builder.name;
    this.permits = builder.permits;
    this.windowNanos = builder.windowNanos;
    this.maxWaitNanos = builder.maxWaitNanos;
    this.limitedMessage = method + ": rate limit " + (name.isEmpty() ? "" : "'" + name + "' ") + "of " + permits
        + " per " + Durations.format(windowNanos) + " reached; ";
    this.pastMaxWait = ", past maxWait " + Durations.format(maxWaitNanos);
    this.clock = context.clock();
    this.sleeper = context.sleeper();
    this.listener = context.listener();
    this.scheduler = context.scheduler();
    this.propagator = context.propagator();
    this.grants = new long[permits];
  }

  /**
   * Returns a builder for the rate limiter of one guarded method, with the defaults of {@code @RateLimit}, which
   * has no default for the number of permits: 1 permit per 1s window, no wait, and no name.
   *
   * @param method the guarded method as {@code com.example.ResearchChain/answer}: the prefix of its config keys and
   *     the name its exceptions carry
   * @return a new builder
   * @throws NullPointerException if {@code method} is null
   */
  public static Builder builder(String method) {
    return new Builder(method);
  }

  /**
   * Takes a permit, pausing until it is granted if it lies at most {@code maxWait} ahead.
   *
   * @return the grant time, by the context's clock: the reading at which the permit counts as taken, never earlier
   *     than the previous grant
   * @throws RateLimitedException if the next permit lies more than {@code maxWait} ahead (nothing is then
   *     reserved), or if the thread is interrupted while pausing for its permit (the interrupt flag is then set,
   *     and the reserved permit is spent)
   */
  public long acquire() {
    if (!enabled) {
      return clock.nanoTime();
    }
    long now;
    long grant;
    synchronized (lock) {
      now = clock.nanoTime();
      grant = reserve(now);
    }
    long pause = grant - now;
    if (pause > maxWaitNanos) {
      throw refused(pause);
    }
    if (pause > 0) {
      if (Thread.currentThread().isInterrupted()) {
        throw interrupted(pause, null);
      }
      try {
        sleeper.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw interrupted(pause, e);
      }
    }
    return grant;
  }

  /**
   * The next permit's grant time at {@code now}, the clock's reading under the lock, which the caller holds: the
   * permit is reserved if it lies at most {@code maxWait} ahead, and otherwise nothing is.
   */
  private long reserve(long now) {
    long grant = now;
    if (granted > 0) {
      long newest = grants[next == 0 ? permits - 1 : next - 1];
      if (newest > grant) {
        grant = newest;
      }
      if (granted >= permits) {
        long free = Checks.plus(grants[next], windowNanos);
        if (free > grant) {
          grant = free;
        }
      }
    }
    if (grant - now <= maxWaitNanos) {
      grants[next] = grant;
      next = next + 1 == permits ? 0 : next + 1;
      granted++;
    }
    return grant;
  }

  /** The rejection of a call whose permit lies {@code pause} ahead, past {@code maxWait}. */
  private RateLimitedException refused(long pause) {
    return limited("the next permit is free in " + Durations.approximate(pause) + pastMaxWait, null);
  }

  /**
   * Runs one call of an asynchronous method under the limit, never blocking a thread: the call starts at once if a
   * permit is free now. If the next permit lies at most {@code maxWait} ahead, the call reserves it and starts when
   * it is granted, on the context's {@linkplain ChainmailContext#scheduler() scheduler}, in its caller's context as
   * the context's {@link ContextPropagator} captured it. Cancelling the returned stage before then calls the call
   * off; its permit stays spent, as a permit once granted always is.
   *
   * @param call starts the call beneath the limit; what it throws fails the call
   * @param <T> the type of the call's value
   * @return the call's stage
   * @throws RateLimitedException if the next permit lies more than {@code maxWait} ahead; nothing is reserved
   * @throws NullPointerException if {@code call} is null
   */
  public <T> CompletableFuture<T> async(Supplier<? extends CompletionStage<? extends T>> call) {
    Objects.requireNonNull(call, "call");
    long pause = 0L;
    if (enabled) {
      synchronized (lock) {
        long now = clock.nanoTime();
        pause = reserve(now) - now;
      }
      if (pause > maxWaitNanos) {
        throw refused(pause);
      }
    }
    Delayed<T> delayed = new Delayed<>(call, pause > 0 ? propagator.capture() : null);
    if (pause > 0) {
      delayed.timer = scheduler.schedule(delayed, pause);
    } else {
      delayed.begin();
    }
    return delayed;
  }

  /** A call that waits for its permit's grant time, as a task on the scheduler, then follows its stage. */
  private static final class Delayed<T> extends StageRelay<T> implements Runnable {
    private final Supplier<? extends CompletionStage<? extends T>> call;
    private final Executor caller;
    private volatile Scheduler.Cancellable timer;

    Delayed(Supplier<? extends CompletionStage<? extends T>> call, Executor caller) {
      this.call = call;
      this.caller = caller;
    }

    void begin() {
      if (!isDone()) {
        follow(AsyncStages.start(call));
      }
    }

    @Override
    public void run() {
      try {
        caller.execute(this::begin);
      } catch (Throwable broken) {
        completeExceptionally(broken);
      }
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      StageRelay.cancel(timer);
      return super.cancel(mayInterruptIfRunning);
    }
  }

  private RateLimitedException interrupted(long pause, InterruptedException cause) {
    return limited("interrupted while pausing " + Durations.approximate(pause)
        + " for a reserved permit, which is spent", cause);
  }

  /** Builds the rejection of a call, with {@code why} ending its message, and tells the listener. */
  private RateLimitedException limited(String why, InterruptedException cause) {
    RateLimitedException rejected = new RateLimitedException(method, limitedMessage + why, cause);
    listener.onRateLimited(name.isEmpty() ? method : name, rejected);
    return rejected;
  }

  /** @return the most permits granted in any interval of one {@code window} */
  public int permits() {
    return permits;
  }

  /** @return the length of the sliding window, in nanoseconds */
  public long windowNanos() {
    return windowNanos;
  }

  /** @return how long {@link #acquire()} pauses at most for a permit, in nanoseconds */
  public long maxWaitNanos() {
    return maxWaitNanos;
  }

  /** @return the name this limiter is shared under, or the empty string if it is not shared */
  public String name() {
    return name;
  }

  /** @return the guarded method that built this limiter, as {@code com.example.ResearchChain/answer} */
  public String method() {
    return method;
  }

  @Override
  public String toString() {
    return "RateLimitPolicy[" + (name.isEmpty() ? method : name) + ": permits=" + permits + ", window="
        + Durations.format(windowNanos) + ", maxWait=" + Durations.format(maxWaitNanos) + "]";
  }

  private static final String[] OVERRIDES = {"value", "window", "maxWait"};
  private static final String[][] FIXED = {
      {"name", ConfigOverrides.SHARING}};

  /**
   * Builds a {@link RateLimitPolicy}, checking each value as it is set. Instances are not thread-safe.
   */
  public static final class Builder {
    /** Whether the guard is on; set only from the config's {@code enabled} key when the policy is built. */
    private boolean enabled = true;
    private boolean onType;
    private final String method;
    private int permits = 1;
    private long windowNanos = 1_000_000_000L;
    private long maxWaitNanos;
    private String name = "";
    private int replica = ReplicaLabels.NONE;

    private Builder(String method) {
      this.method = Objects.requireNonNull(method, "method");
    }

    /**
     * Says that the guard's annotation is written on the chain type, so that the type's config keys, such as
     * {@code com.example.ResearchChain/RateLimit/<attribute>}, apply to it after the method's own.
     *
     * @return this builder
     */
    public Builder declaredOnType() {
      this.onType = true;
      return this;
    }

    /**
     * @param permits the most permits granted in any interval of one window
     * @return this builder
     * @throws ConfigurationException if {@code permits} is less than 1
     */
    public Builder permits(int permits) {
      this.permits = Checks.atLeastOne(method, "permits", permits);
      return this;
    }

    /**
     * @param window the length of the sliding window, as a duration string such as {@code "1s"}
     * @return this builder
     * @throws ConfigurationException if {@code window} is null, does not parse or is not positive
     */
    public Builder window(String window) {
      return windowNanos(Checks.duration(method, "window", window));
    }

    /**
     * @param windowNanos the length of the sliding window, in nanoseconds
     * @return this builder
     * @throws ConfigurationException if {@code windowNanos} is not positive
     */
    public Builder windowNanos(long windowNanos) {
      this.windowNanos = Checks.positiveNanos(method, "window", windowNanos);
      return this;
    }

    /**
     * @param maxWait how long a call pauses at most for its permit, as a duration string such as {@code "100ms"}
     * @return this builder
     * @throws ConfigurationException if {@code maxWait} is null, does not parse or is negative
     */
    public Builder maxWait(String maxWait) {
      return maxWaitNanos(Checks.duration(method, "maxWait", maxWait));
    }

    /**
     * @param maxWaitNanos how long a call pauses at most for its permit, in nanoseconds; zero for no pause
     * @return this builder
     * @throws ConfigurationException if {@code maxWaitNanos} is negative
     */
    public Builder maxWaitNanos(long maxWaitNanos) {
      this.maxWaitNanos = Checks.nonNegativeNanos(method, "maxWait", maxWaitNanos);
      return this;
    }

    /**
     * @param name the name under which proxies of one context share this limiter; the empty string (the default)
     *     for a limiter of this method alone
     * @return this builder
     * @throws ConfigurationException if {@code name} is null
     */
    public Builder name(String name) {
      this.name = Checks.name(method, name);
      return this;
    }

    /**
     * Builds the guard of one replica of a {@code @Replicated} method rather than of the method: messages and events
     * name {@code method[replica]}, and a shared name becomes {@code name#replica}; config keys stay the method's.
     *
     * @param replica the replica's index, from 0
     * @return this builder
     * @throws ConfigurationException if {@code replica} is negative
     */
    public Builder replica(int replica) {
      this.replica = ReplicaLabels.check(method, replica);
      return this;
    }

    /**
     * Applies the overrides in the context's config, then builds the limiter, or returns the one already shared
     * under its name. The keys are this builder's method followed by {@code /RateLimit/value} (the permits),
     * {@code /RateLimit/window} and {@code /RateLimit/maxWait}.
     *
     * @param context where the config, clock and sleeper come from, and where named limiters are shared
     * @return the limiter
     * @throws ConfigurationException if an override does not parse or is out of range, or if a limiter with
     *     another configuration is already shared under this name; the message names the key, or both
     *     configurations
     * @throws NullPointerException if {@code context} is null
     */
    public RateLimitPolicy build(ChainmailContext context) {
      Objects.requireNonNull(context, "context");
      Builder configured = new Builder(ReplicaLabels.method(method, replica));
      configured.permits = permits;
      configured.windowNanos = windowNanos;
      configured.maxWaitNanos = maxWaitNanos;
      configured.name = ReplicaLabels.name(name, replica);
      ConfigOverrides.apply(context.config(), method, onType, "RateLimit", OVERRIDES, FIXED,
          configured, Overrides.INSTANCE);
      configured.enabled = ConfigOverrides.enabled(context.config(), method, onType, "RateLimit");
      RateLimitPolicy limiter = new RateLimitPolicy(configured, context);
      return context.guards().share("rate limiter", configured.name, configured.method, limiter);
    }
  }

  /** Sets a builder's values from its {@code /RateLimit/} config keys. */
  private enum Overrides implements ConfigOverrides.Target<Builder> {
    INSTANCE;

    @Override
    public void set(Builder builder, String attribute, String value) {
      switch (attribute) {
        case "value":
          builder.permits(ConfigOverrides.parseInt(value));
          break;
        case "window":
          builder.windowNanos(Durations.parseNanos(value));
          break;
        default:
          builder.maxWaitNanos(Durations.parseNanos(value));
          break;
      }
    }
  }
}
