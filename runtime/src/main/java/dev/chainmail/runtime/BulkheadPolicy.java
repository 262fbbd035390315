package dev.chainmail.runtime;

import dev.chainmail.runtime.internal.ConfigOverrides;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;

/**
 * A bulkhead: bounds how many calls of a guarded method run at once.
 *
 * <p>A call takes a permit with {@link #acquire()} before it runs and gives it back with {@link #release()} when it
 * ends, however it ends. At most {@code maxConcurrent} calls hold a permit at any moment. A call that finds none
 * free waits up to {@code maxWait} for one, then is rejected with {@link BulkheadFullException}. Since a permit can
 * only come from another thread's release, the wait is a real one, in the JDK's time, whatever the context's clock.
 * Taking a free permit is one compare-and-set; waiters are not served in order of arrival. Asynchronous calls, through
 * {@link #async}, hold their permit until their stage completes and wait in a queue of their own, without a thread.
 *
 * <p>A bulkhead built with a non-empty {@link Builder#name(String) name} is shared by every method of the same
 * {@link ChainmailContext} that builds one with that name; its exceptions name the method that built it first.
 *
 * <p>This class is thread-safe.
 */
public final class BulkheadPolicy {

  private final String method;
  /** False when the config's {@code enabled} key turned the guard off. */
  private final boolean enabled;
  private final String name;
  private final int maxConcurrent;
  private final long maxWaitNanos;
  private final String fullMessage;
  private final Permits permits;
  private final ChainmailListener listener;
  /** The asynchronous calls waiting for a permit, first come first. */
  private final Queue<Held<?>> queued = new ConcurrentLinkedQueue<>();
  /** Set on a thread while it hands permits to waiting calls, in {@link #serveQueue}. */
  private final ThreadLocal<Boolean> serving = new ThreadLocal<>();
  private final Scheduler scheduler;
  private final ContextPropagator propagator;

  private BulkheadPolicy(Builder builder, ChainmailContext context) {
    this.method = builder.method;
    this.enabled = builder.enabled;
    this.name = builder.name;
    this.maxConcurrent = builder.maxConcurrent;
    this.maxWaitNanos = builder.maxWaitNanos;
    this.fullMessage = method + ": bulkhead " + (name.isEmpty() ? "" : "'" + name + "' ") + "is full ("
        + maxConcurrent + (maxConcurrent == 1 ? " concurrent call" : " concurrent calls") + ")";
    this.permits = new Permits(method, maxConcurrent);
    this.listener = context.listener();
    this.scheduler = context.scheduler();
    this.propagator = context.propagator();
  }

  /**
   * Returns a builder for the bulkhead of one guarded method, with the defaults of {@code @Bulkhead}: 10
   * concurrent calls, no wait, and no name.
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
   * Takes a permit, waiting up to {@code maxWait} for one if none is free. Every successful call must be followed
   * by one {@link #release()}.
   *
   * @throws BulkheadFullException if no permit came within {@code maxWait}, or if the thread was interrupted while
   *     waiting; then the interrupt flag is set on return, the cause is the {@link InterruptedException}, and no
   *     permit is held
   */
  public void acquire() {
    if (!enabled) {
      return;
    }
    if (permits.take()) {
      return;
    }
    if (maxWaitNanos > 0) {
      try {
        if (permits.tryAcquireSharedNanos(1, maxWaitNanos)) {
          return;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw full("; interrupted while waiting for a permit", e);
      }
    }
    throw full(" and no permit came within " + Durations.format(maxWaitNanos), null);
  }

  /** Builds the rejection of a call, with {@code why} ending its message, and tells the listener. */
  private BulkheadFullException full(String why, InterruptedException cause) {
    BulkheadFullException rejected = new BulkheadFullException(method, fullMessage + why, cause);
    listener.onBulkheadFull(name.isEmpty() ? method : name, rejected);
    return rejected;
  }

  /**
   * Gives back the permit a successful {@link #acquire()} took, waking a waiter if there is one.
   *
   * @throws IllegalStateException if no permit is held
   */
  public void release() {
    if (!enabled) {
      return;
    }
    permits.releaseShared(1);
    if (!queued.isEmpty()) {
      serveQueue();
    }
  }

  /**
   * Runs one call of an asynchronous method inside the bulkhead, never blocking a thread: the call starts at once
   * if a permit is free, and holds it until its stage completes, however it completes. A call that finds none free
   * waits in a queue, in order of arrival, up to {@code maxWait}; a permit given back goes to the first call still
   * waiting, which then starts on the thread that gave it back, in its caller's context as the context's
   * {@link ContextPropagator} captured it. A call still waiting after {@code maxWait}, or at once with no
   * {@code maxWait}, fails with {@link BulkheadFullException}. Cancelling the returned stage takes a waiting call
   * out of the queue, or cancels the stage of a started one.
   *
   * @param call starts the call beneath the bulkhead; what it throws fails the call
   * @param <T> the type of the call's value
   * @return the call's stage, at once
   * @throws NullPointerException if {@code call} is null
   */
  public <T> CompletableFuture<T> async(Supplier<? extends CompletionStage<? extends T>> call) {
    Objects.requireNonNull(call, "call");
    if (!enabled) {
      StageRelay<T> relay = new StageRelay<>();
      relay.follow(AsyncStages.start(call));
      return relay;
    }
    if (permits.take()) {
      CompletionStage<? extends T> stage = AsyncStages.start(call);
      CompletableFuture<T> succeeded = AsyncStages.succeeded(stage);
      if (succeeded != null) {
        release();
        return succeeded;
      }
      Held<T> held = new Held<>(call, null, Held.STARTED);
      held.begin(stage);
      return held;
    }
    if (maxWaitNanos == 0) {
      return AsyncStages.failed(full(" and no permit came within 0s", null));
    }
    Held<T> waiting = new Held<>(call, propagator.capture(), Held.WAITING);
    queued.add(waiting);
    waiting.timer = scheduler.schedule(waiting, maxWaitNanos);
    serveQueue();
    return waiting;
  }

  /**
   * Gives each permit that is free to the first call still waiting in the queue, while there are both. A call that
   * starts here and ends at once gives its permit back from within this loop; the loop then hands it on, rather
   * than a nested one, so that a long queue of calls that end at once never deepens the stack.
   */
  private void serveQueue() {
    if (serving.get() != null) {
      // This thread is in this loop already, further up its stack: that loop sees the permit just given back.
      return;
    }
    serving.set(Boolean.TRUE);
    try {
      while (!queued.isEmpty() && permits.take()) {
        Held<?> next = queued.poll();
        while (next != null && !next.claim()) {
          next = queued.poll();
        }
        if (next == null) {
          permits.releaseShared(1);
        } else {
          next.beginAfterWait();
        }
      }
    } finally {
      serving.remove();
    }
  }

  /**
   * An asynchronous call in the bulkhead: waiting in the queue for a permit, or holding one until its stage
   * completes. As a {@link Runnable}, it is the end of its wait.
   */
  private final class Held<T> extends StageRelay<T> implements Runnable {
    static final int WAITING = 0;
    static final int STARTED = 1;
    static final int ABANDONED = 2;

    private final Supplier<? extends CompletionStage<? extends T>> call;
    private final Executor caller;
    private final AtomicInteger state;
    private volatile Scheduler.Cancellable timer;
    private volatile boolean begun;

    Held(Supplier<? extends CompletionStage<? extends T>> call, Executor caller, int state) {
      this.call = call;
      this.caller = caller;
      this.state = new AtomicInteger(state);
    }

    /** Takes a waiting call out of its wait, to start or to abandon it; false if it is out already. */
    boolean claim() {
      return state.compareAndSet(WAITING, STARTED);
    }

    /**
     * Starts a call that waited, which holds a permit; unless it was cancelled after the permit came to it and
     * before it could start, in which case it never runs and the permit goes to the next.
     */
    void begin() {
      if (isDone()) {
        begun = true;
        release();
        return;
      }
      begin(AsyncStages.start(call));
    }

    /** Follows the call's stage, which holds a permit until it completes. */
    void begin(CompletionStage<? extends T> stage) {
      begun = true;
      follow(stage);
    }

    /** Starts a call that waited, with the permit just handed to it. */
    void beginAfterWait() {
      StageRelay.cancel(timer);
      try {
        caller.execute(this::begin);
      } catch (Throwable broken) {
        // The context propagator failed. If the call had begun, its stage gives the permit back when it ends.
        if (!begun) {
          release();
        }
        completeExceptionally(broken);
      }
    }

    /** The wait is over and no permit came. */
    @Override
    public void run() {
      if (state.compareAndSet(WAITING, ABANDONED)) {
        queued.remove(this);
        completeExceptionally(full(" and no permit came within " + Durations.format(maxWaitNanos), null));
      }
    }

    @Override
    boolean onDone(T value, Throwable failure) {
      release();
      return true;
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      if (state.compareAndSet(WAITING, ABANDONED)) {
        queued.remove(this);
        StageRelay.cancel(timer);
      }
      return super.cancel(mayInterruptIfRunning);
    }
  }

  /** @return how many permits are held at this moment */
  public int inFlight() {
    return permits.held();
  }

  /** @return the most permits held at once */
  public int maxConcurrent() {
    return maxConcurrent;
  }

  /** @return how long {@link #acquire()} waits for a permit, in nanoseconds */
  public long maxWaitNanos() {
    return maxWaitNanos;
  }

  /** @return the name this bulkhead is shared under, or the empty string if it is not shared */
  public String name() {
    return name;
  }

  /** @return the guarded method that built this bulkhead, as {@code com.example.ResearchChain/answer} */
  public String method() {
    return method;
  }

  @Override
  public String toString() {
    return "BulkheadPolicy[" + (name.isEmpty() ? method : name) + ": maxConcurrent=" + maxConcurrent + ", maxWait="
        + Durations.format(maxWaitNanos) + "]";
  }

  /** The permits, as a synchronizer whose state is the number held. */
  private static final class Permits extends AbstractQueuedSynchronizer {
    private static final long serialVersionUID = 1L;

    private final String method;
    private final int max;

    Permits(String method, int max) {
      this.method = method;
      this.max = max;
    }

    boolean take() {
      return tryAcquireShared(1) >= 0;
    }

    int held() {
      return getState();
    }

    @Override
    protected int tryAcquireShared(int ignored) {
      while (true) {
        int held = getState();
        if (held >= max) {
          return -1;
        }
        if (compareAndSetState(held, held + 1)) {
          return max - held - 1;
        }
      }
    }

    @Override
    protected boolean tryReleaseShared(int ignored) {
      while (true) {
        int held = getState();
        if (held == 0) {
          throw new IllegalStateException(method + ": bulkhead released with no permit held");
        }
        if (compareAndSetState(held, held - 1)) {
          return true;
        }
      }
    }
  }

  private static final String[] OVERRIDES = {"value", "maxWait"};
  private static final String[][] FIXED = {
      {"name", ConfigOverrides.SHARING}};

  /**
   * Builds a {@link BulkheadPolicy}, checking each value as it is set. Instances are not thread-safe.
   */
  public static final class Builder {
    /** Whether the guard is on; set only from the config's {@code enabled} key when the policy is built. */
    private boolean enabled = true;
    private boolean onType;
    private final String method;
    private int maxConcurrent = 10;
    private long maxWaitNanos;
    private String name = "";
    private int replica = ReplicaLabels.NONE;

    private Builder(String method) {
      this.method = Objects.requireNonNull(method, "method");
    }

    /**
     * Says that the guard's annotation is written on the chain type, so that the type's config keys, such as
     * {@code com.example.ResearchChain/Bulkhead/<attribute>}, apply to it after the method's own.
     *
     * @return this builder
     */
    public Builder declaredOnType() {
      this.onType = true;
      return this;
    }

    /**
     * @param maxConcurrent the most calls that may run at once
     * @return this builder
     * @throws ConfigurationException if {@code maxConcurrent} is less than 1
     */
    public Builder maxConcurrent(int maxConcurrent) {
      this.maxConcurrent = Checks.atLeastOne(method, "maxConcurrent", maxConcurrent);
      return this;
    }

    /**
     * @param maxWait how long a call waits for a permit, as a duration string such as {@code "100ms"}
     * @return this builder
     * @throws ConfigurationException if {@code maxWait} is null, does not parse or is negative
     */
    public Builder maxWait(String maxWait) {
      return maxWaitNanos(Checks.duration(method, "maxWait", maxWait));
    }

    /**
     * @param maxWaitNanos how long a call waits for a permit, in nanoseconds; zero for no wait
     * @return this builder
     * @throws ConfigurationException if {@code maxWaitNanos} is negative
     */
    public Builder maxWaitNanos(long maxWaitNanos) {
      this.maxWaitNanos = Checks.nonNegativeNanos(method, "maxWait", maxWaitNanos);
      return this;
    }

    /**
     * @param name the name under which proxies of one context share this bulkhead; the empty string (the
     *     default) for a bulkhead of this method alone
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
     * Applies the overrides in the context's config, then builds the bulkhead, or returns the one already shared
     * under its name. The keys are this builder's method followed by {@code /Bulkhead/value} (the most concurrent
     * calls) and {@code /Bulkhead/maxWait}.
     *
     * @param context where the config comes from, and where named bulkheads are shared
     * @return the bulkhead
     * @throws ConfigurationException if an override does not parse or is out of range, or if a bulkhead with
     *     another configuration is already shared under this name; the message names the key, or both
     *     configurations
     * @throws NullPointerException if {@code context} is null
     */
    public BulkheadPolicy build(ChainmailContext context) {
      Objects.requireNonNull(context, "context");
      Builder configured = new Builder(ReplicaLabels.method(method, replica));
      configured.maxConcurrent = maxConcurrent;
      configured.maxWaitNanos = maxWaitNanos;
      configured.name = ReplicaLabels.name(name, replica);
      ConfigOverrides.apply(context.config(), method, onType, "Bulkhead", OVERRIDES, FIXED,
          configured, Overrides.INSTANCE);
      configured.enabled = ConfigOverrides.enabled(context.config(), method, onType, "Bulkhead");
      BulkheadPolicy bulkhead = new BulkheadPolicy(configured, context);
      return context.guards().share("bulkhead", configured.name, configured.method, bulkhead);
    }
  }

  /** Sets a builder's values from its {@code /Bulkhead/} config keys. */
  private enum Overrides implements ConfigOverrides.Target<Builder> {
    INSTANCE;

    @Override
    public void set(Builder builder, String attribute, String value) {
      if (attribute.equals("value")) {
        builder.maxConcurrent(ConfigOverrides.parseInt(value));
      } else {
        builder.maxWaitNanos(Durations.parseNanos(value));
      }
    }
  }
}
