package dev.chainmail.runtime;

import dev.chainmail.runtime.checkpoint.CheckpointStore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * What a generated proxy draws on: its clock, sleeper, scheduler, random source, config overrides and listener, and
 * the guards that proxies share by name. Unless turned off, every event the listener hears is also recorded as a
 * JDK Flight Recorder event.
 *
 * <p>The plain constructors of a generated proxy use {@link #defaults()}; each also has an overload that takes a
 * context first, which tests use to run in virtual time:
 * <pre>{@code
 * VirtualTime time = new VirtualTime();
 * ChainmailContext context = ChainmailContext.builder().clock(time).sleeper(time).build();
 * ResearchChain chain = new ResilientResearchChain(context, llm);
 * }</pre>
 * <p>A context built with a {@link VirtualTime} as its clock and no {@linkplain Builder#scheduler scheduler} runs
 * its scheduled tasks (heartbeats) in that virtual time, on {@link VirtualTime#scheduler()}.
 * <p>A guard built with a non-empty {@code name} (a circuit breaker, bulkhead or rate limiter) is shared by every
 * proxy built with the same context: one instance per kind of guard and name. Each {@link Builder#build()} makes a
 * context with its own, empty set of shared guards; {@link #defaults()} is one context for the whole JVM, so guards
 * that plain proxy constructors share by name are shared JVM-wide.
 *
 * <p>A chain with durable runs ({@code @RunId} and {@code @Checkpoint}) records them in the context's
 * {@linkplain Builder#checkpointStore checkpoint store}; {@link #defaults()} has none. The context does not close
 * its store: whoever opened the store does.
 *
 * <p>This class is thread-safe; apart from its shared guards, it is immutable.
 */
public final class ChainmailContext {

  private static final ChainmailContext DEFAULTS = builder().config(ChainmailConfig.defaults()).build();

  private final Clock clock;
  private final Sleeper sleeper;
  private final Scheduler scheduler;
  private final RandomSource random;
  private final ChainmailConfig config;
  private final ChainmailListener listener;
  private final Optional<CheckpointStore> checkpointStore;
  private final ContextPropagator propagator;
  private final Executor replicaExecutor;
  private final SharedGuards guards = new SharedGuards();

  private ChainmailContext(Builder builder) {
    this.clock = builder.clock;
    this.sleeper = builder.sleeper;
    if (builder.scheduler != null) {
      this.scheduler = builder.scheduler;
    } else if (clock instanceof VirtualTime) {
      this.scheduler = ((VirtualTime) clock).scheduler();
    } else {
      this.scheduler = Scheduler.system();
    }
    this.random = builder.random;
    this.config = builder.config;
    if (!builder.flightRecorder) {
      this.listener = builder.listener;
    } else if (builder.listener == ChainmailListener.NONE) {
      this.listener = FlightRecorderListener.INSTANCE;
    } else {
      this.listener = ChainmailListener.of(List.of(builder.listener, FlightRecorderListener.INSTANCE));
    }
    this.checkpointStore = Optional.ofNullable(builder.checkpointStore);
    this.propagator = builder.propagator;
    this.replicaExecutor = builder.replicaExecutor != null ? builder.replicaExecutor : ReplicaThreads.shared();
  }

  /**
   * Returns the context that plain proxy constructors use: the system clock and sleeper, thread-local random
   * numbers, {@link ChainmailConfig#defaults()} (system properties, then environment variables) as config, and no
   * listener.
   *
   * @return the shared default context
   */
  public static ChainmailContext defaults() {
    return DEFAULTS;
  }

  /**
   * Returns a builder that starts from the system clock and sleeper, thread-local random numbers, an empty config
   * and no listener.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the clock that guards measure elapsed time with */
  public Clock clock() {
    return clock;
  }

  /** @return the sleeper that pauses between attempts */
  public Sleeper sleeper() {
    return sleeper;
  }

  /**
   * @return the scheduler that runs background tasks such as replica heartbeats: the one set on the builder, else
   *     the clock's {@link VirtualTime#scheduler()} if the clock is a {@link VirtualTime}, else
   *     {@link Scheduler#system()}
   */
  public Scheduler scheduler() {
    return scheduler;
  }

  /**
   * @return what carries the caller's thread context onto the threads that run the later parts of asynchronous
   *     calls; {@link ContextPropagator#NONE} unless the builder was given one
   */
  public ContextPropagator propagator() {
    return propagator;
  }

  /**
   * @return the executor that runs the replicas' calls of synchronous methods that call several replicas at once,
   *     {@code HEDGED}; by default a shared pool of at most 64 daemon threads named {@code chainmail-replica-N}
   */
  public Executor replicaExecutor() {
    return replicaExecutor;
  }

  /** @return the random source that jitter and replica choices draw on */
  public RandomSource random() {
    return random;
  }

  /** @return the config overrides read when a proxy is constructed */
  public ChainmailConfig config() {
    return config;
  }

  /**
   * @return the listener that the guards tell every event: the one set on the builder, followed by the recorder of
   *     JDK Flight Recorder events unless {@link Builder#flightRecorder(boolean) flightRecorder(false)} turned it
   *     off; {@link ChainmailListener#NONE} if neither is there
   */
  public ChainmailListener listener() {
    return listener;
  }

  /** @return the store that durable runs record into; empty if none was set, as in {@link #defaults()} */
  public Optional<CheckpointStore> checkpointStore() {
    return checkpointStore;
  }

  /** @return the guards shared by name among the proxies built with this context */
  SharedGuards guards() {
    return guards;
  }

  /**
   * Pauses the calling thread with this context's sleeper, unless it is interrupted.
   *
   * @param nanos how long to pause, in nanoseconds; zero returns at once
   * @return {@code true} if the pause ran its course; {@code false} if the thread was interrupted before or during
   *     it, in which case its interrupt flag is set on return
   */
  public boolean pause(long nanos) {
    if (Thread.currentThread().isInterrupted()) {
      return false;
    }
    if (nanos <= 0) {
      return true;
    }
    try {
      sleeper.sleep(nanos);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Builds a {@link ChainmailContext}. Instances are not thread-safe.
   */
  public static final class Builder {
    private Clock clock = Clock.system();
    private Sleeper sleeper = Sleeper.system();
    private Scheduler scheduler;
    private RandomSource random = RandomSource.threadLocal();
    private ChainmailConfig config = ChainmailConfig.empty();
    private ChainmailListener listener = ChainmailListener.NONE;
    private CheckpointStore checkpointStore;
    private boolean flightRecorder = true;
    private ContextPropagator propagator = ContextPropagator.NONE;
    private Executor replicaExecutor;

    private Builder() {}

    /**
     * @param clock the clock that guards measure elapsed time with
     * @return this builder
     * @throws NullPointerException if {@code clock} is null
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * @param sleeper the sleeper that pauses between attempts
     * @return this builder
     * @throws NullPointerException if {@code sleeper} is null
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * Sets the scheduler that runs background tasks: replica heartbeats, and the retries, delayed starts and
     * timeout timers of asynchronous methods. Without one, the context uses the
     * clock's {@link VirtualTime#scheduler()} if the clock is a {@link VirtualTime} when {@link #build()} is called,
     * else {@link Scheduler#system()}.
     *
     * @param scheduler the scheduler
     * @return this builder
     * @throws NullPointerException if {@code scheduler} is null
     */
    public Builder scheduler(Scheduler scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
      return this;
    }

    /**
     * @param random the random source that jitter draws on
     * @return this builder
     * @throws NullPointerException if {@code random} is null
     */
    public Builder random(RandomSource random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /**
     * @param config the overrides read when a proxy is constructed
     * @return this builder
     * @throws NullPointerException if {@code config} is null
     */
    public Builder config(ChainmailConfig config) {
      this.config = Objects.requireNonNull(config, "config");
      return this;
    }

    /**
     * @param listener the listener that hears every event of the guards (see {@link ChainmailListener}); the
     *     flight recorder, unless turned off, hears them after it
     * @return this builder
     * @throws NullPointerException if {@code listener} is null
     */
    public Builder listener(ChainmailListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Sets several listeners, which hear every event in the order given; as
     * {@code listener(ChainmailListener.of(listeners))}.
     *
     * @param listeners the listeners; none means {@link ChainmailListener#NONE}
     * @return this builder
     * @throws NullPointerException if {@code listeners} or any of them is null
     */
    public Builder listeners(List<? extends ChainmailListener> listeners) {
      this.listener = ChainmailListener.of(listeners);
      return this;
    }

    /**
     * Says whether the guards record their events (retries, fallbacks, breaker transitions, rejections, timeouts,
     * replica events) as JDK Flight Recorder events in the category {@code Chainmail}, as well as telling the
     * listener. On by default: while no recording is running, or a recording has those events disabled, each
     * event costs one check of a flag, and events only happen on the failure path.
     *
     * @param flightRecorder false to record no JFR events
     * @return this builder
     */
    public Builder flightRecorder(boolean flightRecorder) {
      this.flightRecorder = flightRecorder;
      return this;
    }

    /**
     * Sets the store that durable runs record into, which every chain with a {@code @RunId} entry needs. The
     * context does not close it.
     *
     * @param checkpointStore the store, such as {@code CheckpointStores.sqlite(Path.of("runs.db"))}
     * @return this builder
     * @throws NullPointerException if {@code checkpointStore} is null
     */
    public Builder checkpointStore(CheckpointStore checkpointStore) {
      this.checkpointStore = Objects.requireNonNull(checkpointStore, "checkpointStore");
      return this;
    }

    /**
     * Sets what carries the caller's thread context, such as MDC or a tracing span, onto the threads that run
     * asynchronous retries and calls that waited for a permit. See {@link ContextPropagator}.
     *
     * @param propagator the propagator; {@link ContextPropagator#NONE} by default
     * @return this builder
     * @throws NullPointerException if {@code propagator} is null
     */
    public Builder contextPropagator(ContextPropagator propagator) {
      this.propagator = Objects.requireNonNull(propagator, "propagator");
      return this;
    }

    /**
     * Sets the executor that runs the replicas' calls of a synchronous {@code HEDGED} method, whose caller waits for
     * the winner. A call that loses is cancelled by interrupting its thread. Without one, the context uses a
     * shared pool of at most 64 daemon threads, {@code chainmail-replica-N}, whose idle threads end after 30 s.
     *
     * @param replicaExecutor the executor; it must run each task on a thread other than the caller's
     * @return this builder
     * @throws NullPointerException if {@code replicaExecutor} is null
     */
    public Builder replicaExecutor(Executor replicaExecutor) {
      this.replicaExecutor = Objects.requireNonNull(replicaExecutor, "replicaExecutor");
      return this;
    }

    /** @return a new context with this builder's values, and no shared guards yet */
    public ChainmailContext build() {
      return new ChainmailContext(this);
    }
  }
}
