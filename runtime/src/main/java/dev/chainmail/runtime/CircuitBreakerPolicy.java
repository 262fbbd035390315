package dev.chainmail.runtime;

import dev.chainmail.runtime.internal.ConfigOverrides;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A circuit breaker: stops calling a target that keeps failing, and tries it again after a delay.
 *
 * <p><b>States.</b> A breaker starts {@link State#CLOSED} and admits every call, recording its outcome in a
 * window. When the window is judged and {@code failures / calls >= failureRatio}, or
 * {@code slowCalls / calls >= slowCallRatio}, it opens. {@link State#OPEN} rejects every call with
 * {@link CircuitBreakerOpenException}, without calling the target, for {@code delay}; the first call after that
 * turns the breaker {@link State#HALF_OPEN}. A half-open breaker admits exactly {@code successThreshold} trial
 * calls and rejects the others as if open. If every trial succeeds it closes; the first trial that fails opens it
 * again for a fresh {@code delay}. The window is emptied on every change of state.
 *
 * <p><b>Windows.</b> A {@link WindowType#COUNT} window holds the last {@code requestVolumeThreshold} calls and
 * judges nothing until it is full. A {@link WindowType#TIME} window holds the calls of the last
 * {@code requestVolumeThreshold} seconds of the context's clock, in one-second buckets (a call leaves the window
 * between {@code requestVolumeThreshold - 1} and {@code requestVolumeThreshold} seconds after it ended), and judges
 * once it holds at least {@code minimumCalls} calls.
 *
 * <p><b>Slow calls.</b> With a {@code slowCallThreshold}, a call that succeeds but takes longer than the threshold
 * is slow. A slow call counts as a failure towards {@code failureRatio}, and also as a slow call towards
 * {@code slowCallRatio}, which can open the breaker on its own when it is the smaller ratio. A call that fails is a
 * failure however long it took.
 *
 * <p><b>Permits.</b> {@link #acquire()} returns a permit that names the state the call was admitted in; the proxy
 * passes it to {@link #onSuccess(long)} or {@link #onFailure(long)}. The outcome of a call admitted before the last
 * change of state is ignored. In the closed state {@code acquire} is one volatile read; so is {@code onSuccess} of a
 * count window whose calls all succeeded, which then changes nothing. Other outcomes, and every other state, take a
 * lock.
 *
 * <p><b>Operators</b> hold the same object: {@link #forceOpen()}, {@link #forceClosed()} and {@link #reset()}
 * override the state machine, and {@link #state()} reads it. Each change of state is reported to the context's
 * {@link ChainmailListener#onStateChange} after the lock is released.
 *
 * <p><b>Sharing.</b> A breaker built with a non-empty {@link Builder#name(String) name} is shared by every method
 * of the same {@link ChainmailContext} that builds one with that name; its exceptions and {@link #method()} name the
 * method that built it first.
 *
 * <p>This class is thread-safe.
 */
public final class CircuitBreakerPolicy {

  /** The value of {@link #slowCallThresholdNanos()} when calls are not timed. */
  public static final long NO_LIMIT = Long.MAX_VALUE;

  /** The states of a breaker. */
  public enum State {
    /** Admits every call, and opens when its window of recent calls fails too often. */
    CLOSED,
    /** Rejects every call until {@code delay} has passed since it opened. */
    OPEN,
    /** Admits {@code successThreshold} trial calls, and rejects the others. */
    HALF_OPEN,
    /** Rejects every call until {@link #forceClosed()} or {@link #reset()}. */
    FORCED_OPEN,
    /** Admits every call and never opens, until {@link #forceOpen()} or {@link #reset()}. */
    FORCED_CLOSED
  }

  /** How the window of recent calls is bounded. */
  public enum WindowType {
    /** The last {@code requestVolumeThreshold} calls. */
    COUNT,
    /** The calls of the last {@code requestVolumeThreshold} seconds, judged from {@code minimumCalls} calls. */
    TIME
  }

  private static final State[] STATES = State.values();
  private static final long CODE_MASK = 7L;
  private static final int GENERATION_SHIFT = 3;

  private final String method;
  /** False when the config's {@code enabled} key turned the guard off. */
  private final boolean enabled;
  private final String name;
  private final String label;
  private final String rejection;
  private final int requestVolumeThreshold;
  private final double failureRatio;
  private final long delayNanos;
  private final int successThreshold;
  private final WindowType windowType;
  private final int minimumCalls;
  private final long slowCallThresholdNanos;
  private final double slowCallRatio;
  private final Clock clock;
  private final ChainmailListener listener;

  private final Object lock = new Object();
  /** The generation, shifted left by 3, or'ed with the ordinal of the state. Written under the lock. */
  private volatile long status;
  /** Whether a success in the current closed state can be skipped: see {@link CallWindow#quiet()}. */
  private volatile boolean quiet;
  /** When the breaker last opened, by the clock; written under the lock before {@link #status}. */
  private volatile long openedAt;
  private final CallWindow window;
  private int trialsAdmitted;
  private int trialSuccesses;

  private CircuitBreakerPolicy(Builder builder, ChainmailContext context) {
    this.method = builder.method;
    this.enabled = builder.enabled;
    this.name = builder.name;
    this.label = name.isEmpty() ? method : name;
    this.rejection = name.isEmpty() ? method + ": circuit breaker is "
        : method + ": circuit breaker '" + name + "' is ";
    this.requestVolumeThreshold = builder.requestVolumeThreshold;
    this.failureRatio = builder.failureRatio;
    this.delayNanos = builder.delayNanos;
    this.successThreshold = builder.successThreshold;
    this.windowType = builder.windowType;
    this.minimumCalls = builder.minimumCalls;
    this.slowCallThresholdNanos = builder.slowCallThresholdNanos;
    this.slowCallRatio = builder.slowCallRatio;
    this.clock = context.clock();
    this.listener = context.listener();
    this.window = windowType == WindowType.COUNT ? new CallWindow.Count(requestVolumeThreshold)
        : new CallWindow.Time(requestVolumeThreshold, minimumCalls);
    if (!enabled) {
      // Turned off by config: forced closed, which admits every call and records none, at no cost per call.
      this.status = State.FORCED_CLOSED.ordinal();
    }
  }

  /**
   * Returns a builder for the breaker of one guarded method, with the defaults of {@code @CircuitBreaker}: a count
   * window of 20 calls, a failure ratio of 0.5, a delay of 5s, one trial call, 20 minimum calls (time windows
   * only), no slow-call threshold, a slow-call ratio of 1.0, and no name.
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
   * Admits a call or rejects it. In the closed state this reads no clock and takes no lock.
   *
   * @return the permit to pass to {@link #onSuccess(long)} or {@link #onFailure(long)} when the call ends
   * @throws CircuitBreakerOpenException if the breaker is open, forced open, or half-open with every trial call
   *     already admitted; the target must then not be called
   */
  public long acquire() {
    long s = status;
    if ((s & 3L) == 0) {
      // CLOSED (ordinal 0) and FORCED_CLOSED (ordinal 4) are the states whose two low bits are zero.
      return s;
    }
    return acquireSlowly(s);
  }

  private long acquireSlowly(long seen) {
    int code = (int) (seen & CODE_MASK);
    if (code == State.FORCED_OPEN.ordinal()) {
      throw rejectForced();
    }
    if (code == State.OPEN.ordinal()) {
      long waited = clock.nanoTime() - openedAt;
      if (waited < delayNanos) {
        throw rejectOpen(delayNanos - waited);
      }
    }
    long permit;
    synchronized (lock) {
      permit = status;
      code = (int) (permit & CODE_MASK);
      if (code == State.OPEN.ordinal()) {
        long waited = clock.nanoTime() - openedAt;
        if (waited < delayNanos) {
          code = -1;
          permit = delayNanos - waited;
        } else {
          permit = moveTo(permit, State.HALF_OPEN);
          trialsAdmitted = 1;
        }
      } else if (code == State.HALF_OPEN.ordinal()) {
        if (trialsAdmitted < successThreshold) {
          trialsAdmitted++;
        } else {
          code = -2;
        }
      }
    }
    if (code == State.OPEN.ordinal()) {
      announce(State.OPEN, State.HALF_OPEN);
    } else if (code == State.FORCED_OPEN.ordinal()) {
      throw rejectForced();
    } else if (code == -1) {
      throw rejectOpen(permit);
    } else if (code == -2) {
      throw reject("HALF_OPEN and its " + successThreshold
          + (successThreshold == 1 ? " trial call is" : " trial calls are") + " under way; other calls are "
          + "rejected until the trials end");
    }
    return permit;
  }

  private CircuitBreakerOpenException rejectForced() {
    return reject("FORCED_OPEN; calls are rejected until it is closed or reset");
  }

  private CircuitBreakerOpenException rejectOpen(long remainingNanos) {
    return reject("OPEN; calls are rejected for another " + Durations.approximate(remainingNanos));
  }

  /** Builds the rejection of a call, with {@code state} saying why, and tells the listener. */
  private CircuitBreakerOpenException reject(String state) {
    CircuitBreakerOpenException rejected = new CircuitBreakerOpenException(method, rejection + state, null);
    listener.onCallNotPermitted(label, rejected);
    return rejected;
  }

  /**
   * Records that a call admitted with {@code permit} succeeded, or failed in a way the guard skips. In a closed
   * breaker with a count window whose calls all succeeded this reads no clock and changes nothing.
   *
   * @param permit what {@link #acquire()} returned for the call
   */
  public void onSuccess(long permit) {
    if (permit != status || (permit & CODE_MASK) == State.FORCED_CLOSED.ordinal() || quiet) {
      return;
    }
    record(permit, CallWindow.SUCCESS);
  }

  /**
   * Records that a call admitted with {@code permit} succeeded, counting it as slow if it took longer than
   * {@code slowCallThreshold}. Proxies use this form for breakers with a slow-call threshold; without one it is
   * {@link #onSuccess(long)}.
   *
   * @param permit what {@link #acquire()} returned for the call
   * @param startNanos what {@link #startNanos()} returned before the call
   */
  public void onSuccess(long permit, long startNanos) {
    if (permit != status || (permit & CODE_MASK) == State.FORCED_CLOSED.ordinal()) {
      return;
    }
    byte outcome = CallWindow.SUCCESS;
    if (slowCallThresholdNanos != NO_LIMIT && clock.nanoTime() - startNanos > slowCallThresholdNanos) {
      outcome = CallWindow.SLOW;
    } else if (quiet) {
      return;
    }
    record(permit, outcome);
  }

  /**
   * Records that a call admitted with {@code permit} failed in a way that counts against the breaker.
   *
   * @param permit what {@link #acquire()} returned for the call
   */
  public void onFailure(long permit) {
    if (permit != status || (permit & CODE_MASK) == State.FORCED_CLOSED.ordinal()) {
      return;
    }
    record(permit, CallWindow.FAILURE);
  }

  /**
   * Runs one call of an asynchronous method through the breaker: it is admitted as a synchronous call is, and its
   * outcome is recorded when its stage completes. A failure that {@code counted} rejects is recorded as a success,
   * as the {@code skipOn} and {@code failOn} of a synchronous call are. A stage beneath that fails with
   * {@link java.util.concurrent.CancellationException} of its own is a failure like any other; a call cancelled
   * from above, through the returned stage (as a hedge's losers and a settled vote's remaining calls are), says
   * nothing of its target's health: it records nothing, and a half-open breaker's trial call gives its place back.
   *
   * @param call starts the call beneath the breaker; what it throws fails the call
   * @param counted whether a failure counts against the breaker: the proxy's {@code failOn} and {@code skipOn}
   *     checks
   * @param <T> the type of the call's value
   * @return the call's stage
   * @throws CircuitBreakerOpenException if the breaker does not admit the call, which is then not started
   * @throws NullPointerException if an argument is null
   */
  public <T> CompletableFuture<T> async(Supplier<? extends CompletionStage<? extends T>> call,
      Predicate<? super Throwable> counted) {
    Objects.requireNonNull(call, "call");
    Objects.requireNonNull(counted, "counted");
    long permit = acquire();
    long startNanos = slowCallThresholdNanos == NO_LIMIT ? 0L : clock.nanoTime();
    CompletionStage<? extends T> stage = AsyncStages.start(call);
    CompletableFuture<T> succeeded = AsyncStages.succeeded(stage);
    if (succeeded != null) {
      if (slowCallThresholdNanos == NO_LIMIT) {
        onSuccess(permit);
      } else {
        onSuccess(permit, startNanos);
      }
      return succeeded;
    }
    Admitted<T> admitted = new Admitted<>(permit, startNanos, counted);
    admitted.follow(stage);
    return admitted;
  }

  /** An admitted asynchronous call, whose outcome the breaker records when its stage completes. */
  private final class Admitted<T> extends StageRelay<T> {
    private final long permit;
    private final long startNanos;
    private final Predicate<? super Throwable> counted;

    Admitted(long permit, long startNanos, Predicate<? super Throwable> counted) {
      this.permit = permit;
      this.startNanos = startNanos;
      this.counted = counted;
    }

    @Override
    boolean onDone(T value, Throwable failure) {
      if (isDone() && failure instanceof CancellationException) {
        abandoned(permit);
      } else if (failure != null && counted.test(failure)) {
        onFailure(permit);
      } else if (slowCallThresholdNanos == NO_LIMIT) {
        onSuccess(permit);
      } else {
        onSuccess(permit, startNanos);
      }
      return true;
    }
  }

  /**
   * Reads the context's clock before a call of a breaker with a slow-call threshold; pass the reading to
   * {@link #onSuccess(long, long)}.
   *
   * @return the clock's current reading, in nanoseconds
   */
  public long startNanos() {
    return clock.nanoTime();
  }

  /**
   * A call admitted with {@code permit} was called off from above before its outcome: nothing is recorded, and a
   * half-open trial gives its place to the next call.
   */
  private void abandoned(long permit) {
    synchronized (lock) {
      if (status == permit && (permit & CODE_MASK) == State.HALF_OPEN.ordinal() && trialsAdmitted > 0) {
        trialsAdmitted--;
      }
    }
  }

  private void record(long permit, byte outcome) {
    State from;
    State to;
    synchronized (lock) {
      long s = status;
      if (s != permit) {
        return;
      }
      int code = (int) (s & CODE_MASK);
      if (code == State.CLOSED.ordinal()) {
        window.record(outcome, windowType == WindowType.TIME ? clock.nanoTime() : 0L);
        if (!trips()) {
          quiet = window.quiet();
          return;
        }
        from = State.CLOSED;
        to = State.OPEN;
      } else if (code == State.HALF_OPEN.ordinal()) {
        from = State.HALF_OPEN;
        if (outcome != CallWindow.SUCCESS) {
          to = State.OPEN;
        } else if (++trialSuccesses >= successThreshold) {
          to = State.CLOSED;
        } else {
          return;
        }
      } else {
        return;
      }
      moveTo(s, to);
    }
    announce(from, to);
  }

  private boolean trips() {
    if (!window.judged() || window.calls == 0) {
      return false;
    }
    double calls = window.calls;
    return window.failures / calls >= failureRatio || window.slowCalls / calls >= slowCallRatio;
  }

  /** Moves to a new state and generation, emptying the window; call with the lock held. */
  private long moveTo(long s, State to) {
    window.reset();
    quiet = false;
    trialsAdmitted = 0;
    trialSuccesses = 0;
    if (to == State.OPEN) {
      openedAt = clock.nanoTime();
    }
    long next = (((s >>> GENERATION_SHIFT) + 1) << GENERATION_SHIFT) | to.ordinal();
    status = next;
    return next;
  }

  private void announce(State from, State to) {
    if (from != to && listener != ChainmailListener.NONE) {
      listener.onStateChange(label, from, to);
    }
  }

  private void force(State to) {
    State from;
    synchronized (lock) {
      long s = status;
      from = STATES[(int) (s & CODE_MASK)];
      moveTo(s, to);
    }
    announce(from, to);
  }

  /** Rejects every call from now on, until {@link #forceClosed()} or {@link #reset()}. */
  public void forceOpen() {
    force(State.FORCED_OPEN);
  }

  /** Admits every call from now on, and never opens, until {@link #forceOpen()} or {@link #reset()}. */
  public void forceClosed() {
    force(State.FORCED_CLOSED);
  }

  /** Closes the breaker with an empty window, whatever its state; the outcomes of calls under way are ignored. */
  public void reset() {
    force(State.CLOSED);
  }

  /** @return the state a call was admitted in, read from the permit {@link #acquire()} returned for it */
  static State stateOf(long permit) {
    return STATES[(int) (permit & CODE_MASK)];
  }

  /** @return the current state */
  public State state() {
    return STATES[(int) (status & CODE_MASK)];
  }

  /** @return the name this breaker is shared under, or the empty string if it is not shared */
  public String name() {
    return name;
  }

  /** @return the guarded method that built this breaker, as {@code com.example.ResearchChain/answer} */
  public String method() {
    return method;
  }

  /** @return the size of the window: calls for a count window, seconds for a time window */
  public int requestVolumeThreshold() {
    return requestVolumeThreshold;
  }

  /** @return the ratio of failed calls, in {@code (0, 1]}, at which the breaker opens */
  public double failureRatio() {
    return failureRatio;
  }

  /** @return how long the breaker stays open before it admits trial calls, in nanoseconds */
  public long delayNanos() {
    return delayNanos;
  }

  /** @return how many trial calls a half-open breaker admits, all of which must succeed for it to close */
  public int successThreshold() {
    return successThreshold;
  }

  /** @return how the window is bounded */
  public WindowType windowType() {
    return windowType;
  }

  /** @return how many calls a time window must hold before it is judged; unused by a count window */
  public int minimumCalls() {
    return minimumCalls;
  }

  /** @return the duration above which a successful call is slow, in nanoseconds, or {@link #NO_LIMIT} */
  public long slowCallThresholdNanos() {
    return slowCallThresholdNanos;
  }

  /** @return the ratio of slow calls, in {@code (0, 1]}, at which the breaker opens */
  public double slowCallRatio() {
    return slowCallRatio;
  }

  @Override
  public String toString() {
    return "CircuitBreakerPolicy[" + label + ": requestVolumeThreshold=" + requestVolumeThreshold
        + ", failureRatio=" + failureRatio + ", delay=" + Durations.format(delayNanos) + ", successThreshold="
        + successThreshold + ", window=" + windowType + ", minimumCalls=" + minimumCalls + ", slowCallThreshold="
        + (slowCallThresholdNanos == NO_LIMIT ? "none" : Durations.format(slowCallThresholdNanos))
        + ", slowCallRatio=" + slowCallRatio + "]";
  }

  private static final String[] OVERRIDES = {"requestVolumeThreshold", "failureRatio", "delay",
      "successThreshold", "windowType", "minimumCalls", "slowCallThreshold", "slowCallRatio"};
  private static final String[][] FIXED = {
      {"failOn", ConfigOverrides.INSTANCEOF},
      {"skipOn", ConfigOverrides.INSTANCEOF},
      {"name", ConfigOverrides.SHARING}};

  /**
   * Builds a {@link CircuitBreakerPolicy}, checking each value as it is set. Instances are not thread-safe.
   */
  public static final class Builder {
    /** Whether the guard is on; set only from the config's {@code enabled} key when the policy is built. */
    private boolean enabled = true;
    private boolean onType;
    private final String method;
    private int requestVolumeThreshold = 20;
    private double failureRatio = 0.5;
    private long delayNanos = 5_000_000_000L;
    private int successThreshold = 1;
    private WindowType windowType = WindowType.COUNT;
    private int minimumCalls = 20;
    private long slowCallThresholdNanos = NO_LIMIT;
    private double slowCallRatio = 1.0;
    private String name = "";
    private int replica = ReplicaLabels.NONE;

    private Builder(String method) {
      this.method = Objects.requireNonNull(method, "method");
    }

    /**
     * Says that the guard's annotation is written on the chain type, so that the type's config keys, such as
     * {@code com.example.ResearchChain/CircuitBreaker/<attribute>}, apply to it after the method's own.
     *
     * @return this builder
     */
    public Builder declaredOnType() {
      this.onType = true;
      return this;
    }

    /**
     * @param requestVolumeThreshold the size of the window: calls for a count window, seconds for a time window
     * @return this builder
     * @throws ConfigurationException if {@code requestVolumeThreshold} is less than 1
     */
    public Builder requestVolumeThreshold(int requestVolumeThreshold) {
      this.requestVolumeThreshold = Checks.atLeastOne(method, "requestVolumeThreshold", requestVolumeThreshold);
      return this;
    }

    /**
     * @param failureRatio the ratio of failed calls, in {@code (0, 1]}, at which the breaker opens
     * @return this builder
     * @throws ConfigurationException if {@code failureRatio} is not in {@code (0, 1]}
     */
    public Builder failureRatio(double failureRatio) {
      this.failureRatio = Checks.ratio(method, "failureRatio", failureRatio);
      return this;
    }

    /**
     * @param delay how long the breaker stays open, as a duration string such as {@code "5s"}
     * @return this builder
     * @throws ConfigurationException if {@code delay} is null, does not parse or is negative
     */
    public Builder delay(String delay) {
      return delayNanos(Checks.duration(method, "delay", delay));
    }

    /**
     * @param delayNanos how long the breaker stays open, in nanoseconds
     * @return this builder
     * @throws ConfigurationException if {@code delayNanos} is negative
     */
    public Builder delayNanos(long delayNanos) {
      this.delayNanos = Checks.nonNegativeNanos(method, "delay", delayNanos);
      return this;
    }

    /**
     * @param successThreshold how many trial calls a half-open breaker admits; all must succeed for it to close
     * @return this builder
     * @throws ConfigurationException if {@code successThreshold} is less than 1
     */
    public Builder successThreshold(int successThreshold) {
      this.successThreshold = Checks.atLeastOne(method, "successThreshold", successThreshold);
      return this;
    }

    /**
     * @param windowType how the window is bounded
     * @return this builder
     * @throws NullPointerException if {@code windowType} is null
     */
    public Builder windowType(WindowType windowType) {
      this.windowType = Objects.requireNonNull(windowType, "windowType");
      return this;
    }

    /**
     * @param minimumCalls how many calls a time window must hold before it is judged; a count window ignores it
     * @return this builder
     * @throws ConfigurationException if {@code minimumCalls} is less than 1
     */
    public Builder minimumCalls(int minimumCalls) {
      this.minimumCalls = Checks.atLeastOne(method, "minimumCalls", minimumCalls);
      return this;
    }

    /**
     * Sets the duration above which a successful call is slow. A proxy can only honour it when its annotation
     * declares a {@code slowCallThreshold}, because only then does the generated code time its calls.
     *
     * @param slowCallThreshold the threshold, as a duration string such as {@code "2s"}
     * @return this builder
     * @throws ConfigurationException if {@code slowCallThreshold} is null, does not parse or is not positive
     */
    public Builder slowCallThreshold(String slowCallThreshold) {
      return slowCallThresholdNanos(Checks.duration(method, "slowCallThreshold", slowCallThreshold));
    }

    /**
     * @param slowCallThresholdNanos the duration above which a successful call is slow, in nanoseconds, or
     *     {@link #NO_LIMIT}
     * @return this builder
     * @throws ConfigurationException if {@code slowCallThresholdNanos} is not positive
     */
    public Builder slowCallThresholdNanos(long slowCallThresholdNanos) {
      this.slowCallThresholdNanos = Checks.positiveNanos(method, "slowCallThreshold", slowCallThresholdNanos);
      return this;
    }

    /**
     * @param slowCallRatio the ratio of slow calls, in {@code (0, 1]}, at which the breaker opens
     * @return this builder
     * @throws ConfigurationException if {@code slowCallRatio} is not in {@code (0, 1]}
     */
    public Builder slowCallRatio(double slowCallRatio) {
      this.slowCallRatio = Checks.ratio(method, "slowCallRatio", slowCallRatio);
      return this;
    }

    /**
     * @param name the name under which proxies of one context share this breaker; the empty string (the default)
     *     for a breaker of this method alone
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
     * Applies the overrides in the context's config, then builds the breaker, or returns the one already shared
     * under its name. The keys are this builder's method followed by {@code /CircuitBreaker/} and an attribute:
     * {@code requestVolumeThreshold}, {@code failureRatio}, {@code delay}, {@code successThreshold},
     * {@code windowType} ({@code COUNT} or {@code TIME}), {@code minimumCalls}, {@code slowCallThreshold} and
     * {@code slowCallRatio}.
     *
     * @param context where the config, clock and listener come from, and where named breakers are shared
     * @return the breaker
     * @throws ConfigurationException if an override does not parse or is out of range, if an override sets a
     *     {@code slowCallThreshold} for a method whose annotation declares none, or if a breaker with another
     *     configuration is already shared under this name; the message names the key, or both configurations
     * @throws NullPointerException if {@code context} is null
     */
    public CircuitBreakerPolicy build(ChainmailContext context) {
      Objects.requireNonNull(context, "context");
      Builder configured = copy(ReplicaLabels.method(method, replica));
      configured.name = ReplicaLabels.name(name, replica);
      ConfigOverrides.apply(context.config(), method, onType, "CircuitBreaker", OVERRIDES, FIXED,
          configured, Overrides.INSTANCE);
      configured.enabled = ConfigOverrides.enabled(context.config(), method, onType, "CircuitBreaker");
      CircuitBreakerPolicy breaker = new CircuitBreakerPolicy(configured, context);
      return context.guards().share("circuit breaker", configured.name, configured.method, breaker);
    }

    private Builder copy(String method) {
      Builder copy = new Builder(method);
      copy.requestVolumeThreshold = requestVolumeThreshold;
      copy.failureRatio = failureRatio;
      copy.delayNanos = delayNanos;
      copy.successThreshold = successThreshold;
      copy.windowType = windowType;
      copy.minimumCalls = minimumCalls;
      copy.slowCallThresholdNanos = slowCallThresholdNanos;
      copy.slowCallRatio = slowCallRatio;
      copy.name = name;
      return copy;
    }
  }

  /** Sets a builder's values from its {@code /CircuitBreaker/} config keys. */
  private enum Overrides implements ConfigOverrides.Target<Builder> {
    INSTANCE;

    @Override
    public void set(Builder builder, String attribute, String value) {
      switch (attribute) {
        case "requestVolumeThreshold":
          builder.requestVolumeThreshold(ConfigOverrides.parseInt(value));
          break;
        case "failureRatio":
          builder.failureRatio(ConfigOverrides.parseDouble(value));
          break;
        case "delay":
          builder.delayNanos(Durations.parseNanos(value));
          break;
        case "successThreshold":
          builder.successThreshold(ConfigOverrides.parseInt(value));
          break;
        case "windowType":
          builder.windowType(windowType(value));
          break;
        case "minimumCalls":
          builder.minimumCalls(ConfigOverrides.parseInt(value));
          break;
        case "slowCallThreshold":
          if (builder.slowCallThresholdNanos == NO_LIMIT) {
            throw new IllegalArgumentException("the @CircuitBreaker on " + builder.method + " declares no "
                + "slowCallThreshold, so the proxy does not time its calls; declare a slowCallThreshold in the "
                + "annotation to make it configurable");
          }
          builder.slowCallThresholdNanos(Durations.parseNanos(value));
          break;
        default:
          builder.slowCallRatio(ConfigOverrides.parseDouble(value));
          break;
      }
    }

    private static WindowType windowType(String value) {
      if (value.equals("COUNT")) {
        return WindowType.COUNT;
      }
      if (value.equals("TIME")) {
        return WindowType.TIME;
      }
      throw new IllegalArgumentException("'" + value + "' is not a window type; use COUNT or TIME");
    }
  }
}
