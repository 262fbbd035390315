package dev.chainmail.runtime;

import dev.chainmail.runtime.internal.ConfigOverrides;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A timeout: bounds one attempt of a guarded method. A synchronous method's attempt is bounded on the caller's own
 * thread, with no thread hop, as below; an asynchronous method's stage is bounded by a timer on the context's
 * scheduler, through {@link #async}.
 *
 * <p>The proxy brackets the call with {@link #start()} and {@code finish}:
 * <pre>{@code
 * TimeoutPolicy.Deadline deadline = this.answer$timeout.start();
 * try {
 *   return super.answer(question);
 * } catch (Throwable failure) {
 *   this.answer$timeout.finish(deadline, failure);
 *   throw failure;
 * } finally {
 *   this.answer$timeout.finish(deadline);
 * }
 * }</pre>
 * When the deadline passes first, the calling thread is interrupted, and {@code finish} throws
 * {@link TimeoutExceededException}, even if the call ignored the interrupt and returned late. The interrupt the
 * timeout caused is cleared before {@code finish} throws, so the caller's thread is not left interrupted. A thread
 * that is already interrupted when its deadline passes is not interrupted again, and its flag is left alone.
 *
 * <p>In real time, one JVM-wide daemon thread, {@code chainmail-timeout-watchdog}, started at the first timeout,
 * watches every deadline: it parks until the earliest one. When the context's clock is a {@link VirtualTime}, the
 * deadlines are in virtual time instead, and {@link VirtualTime#advance(long)} and {@link VirtualTime#sleep(long)}
 * fire those they pass, synchronously, on the thread that moves the clock. With any other clock the watchdog reads
 * that clock for its deadlines, assumes it runs at the pace of {@link System#nanoTime()}, and is woken by every
 * {@code start}.
 *
 * <p>{@code start} reads the clock once. A call that ends in time allocates nothing, schedules nothing and reads no
 * clock in {@code finish}. Each thread reuses one {@link Deadline} per nesting depth, so a guarded method may call
 * another.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class TimeoutPolicy {

  private final String method;
  /** False when the config's {@code enabled} key turned the guard off. */
  private final boolean enabled;
  private final long timeoutNanos;
  private final String message;
  private final Clock clock;
  private final DeadlineWatch watch;
  private final ChainmailListener listener;
  private final Scheduler scheduler;

  private TimeoutPolicy(Builder builder, ChainmailContext context) {
    this.method = builder.method;
    this.enabled = builder.enabled;
    this.timeoutNanos = builder.timeoutNanos;
    this.message = method + ": timed out after " + Durations.format(timeoutNanos);
    this.clock = context.clock();
    this.watch = clock instanceof VirtualTime ? ((VirtualTime) clock).deadlines() : Watchdog.INSTANCE;
    this.listener = context.listener();
    this.scheduler = context.scheduler();
  }

  /**
   * Returns a builder for the timeout of one guarded method, with the default of {@code @Timeout}: 1s.
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
   * Arms the calling thread's deadline for one call, {@code timeout} from now by the context's clock. Every call
   * must be followed by {@link #finish(Deadline)} on the same thread, as in the class comment.
   *
   * @return the armed deadline, to pass to {@code finish}
   */
  public Deadline start() {
    if (!enabled) {
      return Deadline.NEVER;
    }
    Deadline deadline = DeadlineFrames.current().push();
    deadline.arm(clock, watch, Checks.plus(clock.nanoTime(), timeoutNanos));
    watch.armed(deadline);
    return deadline;
  }

  /**
   * Ends a call that threw, unless it was already ended.
   *
   * @param deadline what {@link #start()} returned
   * @param failure what the call threw
   * @throws TimeoutExceededException with {@code failure} as its cause, if the deadline passed before the call
   *     ended; otherwise this method returns and the proxy rethrows {@code failure}
   */
  public void finish(Deadline deadline, Throwable failure) {
    end(deadline, failure);
  }

  /**
   * Ends a call, unless it was already ended: then this does nothing.
   *
   * @param deadline what {@link #start()} returned
   * @throws TimeoutExceededException if the deadline passed before the call ended
   */
  public void finish(Deadline deadline) {
    end(deadline, null);
  }

  private void end(Deadline deadline, Throwable failure) {
    int was = deadline.settle();
    if (was == Deadline.IDLE) {
      return;
    }
    deadline.frames.pop(deadline);
    deadline.watch.disarmed(deadline);
    if (was == Deadline.FIRED) {
      if (deadline.interruptedByWatch) {
        Thread.interrupted();
      }
      TimeoutExceededException timedOut = new TimeoutExceededException(method, message, failure);
      listener.onTimeout(method, timedOut);
      throw timedOut;
    }
  }

  /**
   * Bounds one attempt of an asynchronous method without blocking a thread: the returned stage completes as
   * {@code stage} does, unless {@code timeout} passes first, by the context's clock and on its
   * {@linkplain ChainmailContext#scheduler() scheduler}. Then it fails with {@link TimeoutExceededException}, the
   * listener hears of it, and {@code stage} is cancelled. A stage that completes in time calls off its timer.
   *
   * @param stage the stage beneath the timeout
   * @param <T> the type of its value
   * @return the bounded stage; {@code stage} itself if it is already complete, or if the config turned the guard
   *     off
   * @throws NullPointerException if {@code stage} is null
   */
  public <T> CompletableFuture<T> async(CompletableFuture<T> stage) {
    Objects.requireNonNull(stage, "stage");
    if (!enabled || stage.isDone()) {
      // A stage that is already complete was in time: no timer, and nothing to follow.
      return stage;
    }
    TimedStage<T> timed = new TimedStage<>();
    timed.timer = scheduler.schedule(timed, timeoutNanos);
    timed.follow(stage);
    return timed;
  }

  /** The stage of {@link #async}: it follows the stage beneath, and fails and cancels it when its timer fires. */
  private final class TimedStage<T> extends StageRelay<T> implements Runnable {
    private volatile Scheduler.Cancellable timer;

    @Override
    public void run() {
      if (isDone()) {
        return;
      }
      TimeoutExceededException timedOut = new TimeoutExceededException(method, message, null);
      if (completeExceptionally(timedOut)) {
        listener.onTimeout(method, timedOut);
        cancelSource();
      }
    }

    @Override
    boolean onDone(T value, Throwable failure) {
      StageRelay.cancel(timer);
      return true;
    }
  }

  /** @return the guarded method, as {@code com.example.ResearchChain/answer} */
  public String method() {
    return method;
  }

  /** @return how long one call may run, in nanoseconds */
  public long timeoutNanos() {
    return timeoutNanos;
  }

  @Override
  public String toString() {
    return "TimeoutPolicy[" + method + ": timeout=" + Durations.format(timeoutNanos) + "]";
  }

  /**
   * The deadline of one guarded call on one thread. Each thread has one per nesting depth of guarded calls,
   * reused from call to call; a proxy only passes it from {@link #start()} to {@code finish}. Its state moves from
   * idle to armed at {@code start}, and back at {@code finish}; a watch that finds it past due moves it from armed
   * to firing, interrupts the thread, and then marks it fired, so that {@code finish} (which waits out the short
   * firing step) never sees a fired deadline whose interrupt is still to come.
   *
   * <p>Instances are thread-safe; only their owner thread arms and finishes them.
   */
  public static final class Deadline {

    /** What a timeout turned off by config hands out: never armed, so finishing it does nothing. */
    static final Deadline NEVER = new Deadline(null, -1);

    static final int IDLE = 0;
    static final int ARMED = 1;
    static final int FIRING = 2;
    static final int FIRED = 3;
    private static final long STATE_MASK = 3L;

    final DeadlineFrames frames;
    final int depth;
    /** The number of the current arming, shifted left by 2, or'ed with the state. */
    private final AtomicLong word = new AtomicLong();
    /** When the deadline passes, by {@link #clock}; written before {@link #word} is armed. */
    volatile long at;
    volatile Clock clock;
    /** The watch of the current arming; read by the owner only. */
    DeadlineWatch watch;
    /** Whether the firing watch interrupted the owner; written before {@link #word} reads fired. */
    boolean interruptedByWatch;

    Deadline(DeadlineFrames frames, int depth) {
      this.frames = frames;
      this.depth = depth;
    }

    static boolean isArmed(long word) {
      return (word & STATE_MASK) == ARMED;
    }

    Thread owner() {
      return frames.owner;
    }

    long word() {
      return word.get();
    }

    void arm(Clock clock, DeadlineWatch watch, long at) {
      this.clock = clock;
      this.watch = watch;
      this.at = at;
      word.set((((word.get() >>> 2) + 1) << 2) | ARMED);
    }

    /**
     * Fires the deadline if it is still in the arming that {@code armedWord} was read from: interrupts the owner
     * unless it is already interrupted, then marks the deadline fired.
     *
     * @return whether this call fired it
     */
    boolean fire(long armedWord) {
      long base = armedWord & ~STATE_MASK;
      if (!word.compareAndSet(armedWord, base | FIRING)) {
        return false;
      }
      Thread owner = frames.owner;
      boolean interrupt = !owner.isInterrupted();
      if (interrupt) {
        owner.interrupt();
      }
      interruptedByWatch = interrupt;
      word.set(base | FIRED);
      return true;
    }

    /** Moves the deadline to idle, waiting out a firing under way. @return the state it was in */
    int settle() {
      while (true) {
        long w = word.get();
        int state = (int) (w & STATE_MASK);
        if (state == ARMED) {
          if (word.compareAndSet(w, w & ~STATE_MASK)) {
            return ARMED;
          }
        } else if (state == FIRING) {
          Thread.onSpinWait();
        } else if (state == FIRED) {
          word.set(w & ~STATE_MASK);
          return FIRED;
        } else {
          return IDLE;
        }
      }
    }
  }

  private static final String[] OVERRIDES = {"value"};
  private static final String[][] FIXED = {};

  /**
   * Builds a {@link TimeoutPolicy}, checking each value as it is set. Instances are not thread-safe.
   */
  public static final class Builder {
    /** Whether the guard is on; set only from the config's {@code enabled} key when the policy is built. */
    private boolean enabled = true;
    private boolean onType;
    private final String method;
    private long timeoutNanos = 1_000_000_000L;

    private Builder(String method) {
      this.method = Objects.requireNonNull(method, "method");
    }

    /**
     * Says that the guard's annotation is written on the chain type, so that the type's config keys, such as
     * {@code com.example.ResearchChain/Timeout/<attribute>}, apply to it after the method's own.
     *
     * @return this builder
     */
    public Builder declaredOnType() {
      this.onType = true;
      return this;
    }

    /**
     * @param timeout how long one call may run, as a duration string such as {@code "2s"}
     * @return this builder
     * @throws ConfigurationException if {@code timeout} is null, does not parse or is not positive
     */
    public Builder timeout(String timeout) {
      return timeoutNanos(Checks.duration(method, "timeout", timeout));
    }

    /**
     * @param timeoutNanos how long one call may run, in nanoseconds
     * @return this builder
     * @throws ConfigurationException if {@code timeoutNanos} is not positive
     */
    public Builder timeoutNanos(long timeoutNanos) {
      this.timeoutNanos = Checks.positiveNanos(method, "timeout", timeoutNanos);
      return this;
    }

    /**
     * Applies the override in the context's config, then builds the policy. The key is this builder's method
     * followed by {@code /Timeout/value}.
     *
     * @param context where the config and clock come from
     * @return the policy
     * @throws ConfigurationException if the override does not parse or is not positive; the message names the key
     * @throws NullPointerException if {@code context} is null
     */
    public TimeoutPolicy build(ChainmailContext context) {
      Objects.requireNonNull(context, "context");
      Builder configured = new Builder(method);
      configured.timeoutNanos = timeoutNanos;
      ConfigOverrides.apply(context.config(), method, onType, "Timeout", OVERRIDES, FIXED,
          configured, Overrides.INSTANCE);
      configured.enabled = ConfigOverrides.enabled(context.config(), method, onType, "Timeout");
      return new TimeoutPolicy(configured, context);
    }
  }

  /** Sets a builder's value from its {@code /Timeout/value} config key. */
  private enum Overrides implements ConfigOverrides.Target<Builder> {
    INSTANCE;

    @Override
    public void set(Builder builder, String attribute, String value) {
      builder.timeoutNanos(Durations.parseNanos(value));
    }
  }
}
