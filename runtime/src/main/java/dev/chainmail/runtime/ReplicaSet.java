package dev.chainmail.runtime;

import dev.chainmail.runtime.internal.ConfigOverrides;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

/**
 * The replicas of a {@code @Replicated} chain and their health, which every replicated method of one proxy shares.
 *
 * <p><b>Calls.</b> Generated code picks a replica with a {@link ReplicaPolicy}, calls {@link #replica(int)}, and
 * reports the outcome with {@link #succeeded(int)} or {@link #failed(int, String, Throwable)}; methods that balance
 * on load also bracket the call with {@link #enter(int)} and {@link #exit(int)}. On a healthy replica,
 * {@link #available(int)} is one volatile read and {@code succeeded} reads one volatile field and writes nothing.
 *
 * <p><b>Ejection</b>, in the manner of Envoy's outlier detection (see {@link ReplicaDetection}): a replica that
 * fails {@code ejectAfter} calls and heartbeat probes in a row (any success resets the count) is ejected for
 * {@code ejectFor}, and each later ejection of it lasts twice as long as the one before, up to
 * {@code maxEjectFor}. At most {@code maxEjectedPercent} of the replicas, rounded down but always at least one, are
 * ejected at once: a replica that reaches {@code ejectAfter} while that many are ejected is not ejected, and its
 * count stays, so its next failure tries again. Ejection times run on the context's {@link Clock}. When its time is
 * over, the next {@link #available(int)} of the replica puts it on probation: its next success makes it healthy
 * (reported to {@link ChainmailListener#onReplicaReadmitted}), its next failure ejects it again. A success on a
 * replica still ejected (tried because every replica is, see {@link #earliestEjected()}) makes it healthy at once.
 *
 * <p><b>Heartbeats.</b> {@link #startHeartbeat} probes every replica, ejected ones included, on the context's
 * {@link Scheduler}. Probe outcomes count together with calls; a successful probe of an ejected replica makes it
 * healthy at once.
 *
 * <p><b>Restart.</b> In a set built by {@link #restartable}, an ejected replica is re-created by its factory before
 * it is tried or probed again: when its ejection ends, or before a heartbeat probes it. The new instance replaces
 * the old one, which is closed if it is {@link AutoCloseable} (a failure to close is ignored), and the replica is
 * on probation. A factory that throws or returns null ejects the replica again, as a new ejection (twice as long,
 * up to {@code maxEjectFor}); the factory is called again when that one ends.
 *
 * <p>This class is thread-safe. Changes of a replica's state (ejection, probation, healing) take a short lock of
 * the set; the factory, {@code close()} and the listener are called outside it.
 *
 * @param <T> the chain interface
 */
public final class ReplicaSet<T> {

  /**
   * A heartbeat check of one replica. Implementations must be thread-safe.
   *
   * @param <T> the chain interface
   */
  @FunctionalInterface
  public interface Probe<T> {

    /**
     * Checks one replica.
     *
     * @param replica the replica's current instance
     * @return {@code true} if the replica is healthy; {@code false} counts as a failure
     * @throws Exception a failure of the replica; it counts as a failed probe
     */
    boolean probe(T replica) throws Exception;
  }

  /** The most replicas a set holds: the generated code tracks the replicas one call tried in a {@code long}. */
  public static final int MAX_REPLICAS = 64;

  static final int HEALTHY = 0;
  static final int PROBATION = 1;
  static final int EJECTED = 2;
  static final int RESTARTING = 3;

  private static final AtomicLongFieldUpdater<Slot> STATE = AtomicLongFieldUpdater.newUpdater(Slot.class, "state");
  private static final AtomicIntegerFieldUpdater<Slot> IN_FLIGHT =
      AtomicIntegerFieldUpdater.newUpdater(Slot.class, "inFlight");

  private final ChainmailContext context;
  private final ReplicaDetection detection;
  private final String chain;
  private final Clock clock;
  private final ChainmailListener listener;
  private final int ejectAfter;
  private final int maxEjected;
  private final AtomicReferenceArray<T> instances;
  /** One factory per replica; null for a set built by {@link #of}. */
  private final List<Supplier<? extends T>> factories;
  private final Slot[] slots;

  private final Object lock = new Object();
  /** How many replicas are {@link #EJECTED} or {@link #RESTARTING}. Guarded by {@link #lock}. */
  /** The replicas ejected or restarting; written under the lock, read without it by {@link #noneEjected()}. */
  private volatile int ejected;
  private final List<Heartbeat> heartbeats = new ArrayList<>();
  private boolean closed;

  /** The health of one replica. */
  private static final class Slot {
    /**
     * The status in the high 32 bits ({@link #HEALTHY}, {@link #PROBATION}, {@link #EJECTED} or
     * {@link #RESTARTING}; changed under the lock) and the consecutive failures in the low 32 (changed by any
     * thread). One word, so that a success on a healthy replica with no failures, the usual case, reads one field
     * and sees it is zero.
     */
    volatile long state;
    volatile int inFlight;
    /** When the current ejection started and ends, by the clock; written under the lock before the status. */
    volatile long ejectedAt;
    volatile long ejectedUntil;
    /** Guarded by the lock. */
    int ejections;

    int status() {
      return (int) (state >>> 32);
    }

    int failures() {
      return (int) state;
    }

    /** Sets the status, keeping the failure count, which other threads may change meanwhile. */
    void setStatus(int status) {
      long word;
      do {
        word = state;
      } while (!STATE.compareAndSet(this, word, ((long) status << 32) | (word & 0xFFFF_FFFFL)));
    }

    /** Counts one more consecutive failure, up to {@code Integer.MAX_VALUE}, and returns the new state. */
    long addFailure() {
      long word;
      long next;
      do {
        word = state;
        next = (int) word == Integer.MAX_VALUE ? word : word + 1;
      } while (!STATE.compareAndSet(this, word, next));
      return next;
    }

    /** Resets the consecutive failures to zero, keeping the status. */
    void clearFailures() {
      long word;
      do {
        word = state;
      } while ((int) word != 0 && !STATE.compareAndSet(this, word, word & 0xFFFF_FFFF_0000_0000L));
    }
  }

  private ReplicaSet(ChainmailContext context, ReplicaDetection detection, int size,
      List<Supplier<? extends T>> factories) {
    this.context = context;
    this.detection = detection;
    this.chain = detection.chain();
    this.clock = context.clock();
    this.listener = context.listener();
    this.ejectAfter = detection.ejectAfter();
    this.maxEjected = Math.max(1, size * detection.maxEjectedPercent() / 100);
    this.instances = new AtomicReferenceArray<>(size);
    this.factories = factories;
    this.slots = new Slot[size];
    for (int i = 0; i < size; i++) {
      slots[i] = new Slot();
    }
  }

  /**
   * Returns a set of the given replicas, all healthy.
   *
   * @param context the clock, scheduler, random source and listener of the set
   * @param detection how failing replicas are ejected
   * @param replicas the replicas, in index order; the list is copied
   * @param <T> the chain interface
   * @return a new set
   * @throws ConfigurationException if there are no replicas or more than {@value #MAX_REPLICAS}
   * @throws NullPointerException if an argument is null, or a replica is (the message names its index)
   */
  public static <T> ReplicaSet<T> of(ChainmailContext context, ReplicaDetection detection,
      List<? extends T> replicas) {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(detection, "detection");
    Objects.requireNonNull(replicas, "replicas");
    int size = replicas.size();
    checkSize(detection.chain(), size, "replicas");
    ReplicaSet<T> set = new ReplicaSet<>(context, detection.configured(context.config()), size, null);
    for (int i = 0; i < size; i++) {
      T replica = replicas.get(i);
      if (replica == null) {
        throw new NullPointerException(detection.chain() + ": replica " + i + " is null");
      }
      set.instances.set(i, replica);
    }
    return set;
  }

  /**
   * Returns a set whose replicas are built, and rebuilt after each ejection, by factories. Each factory is called
   * once now; one that throws or returns null leaves its replica ejected for {@code ejectFor} as a failed restart
   * (reported to {@link ChainmailListener#onReplicaEjected} with the chain's name as the method), and until its
   * factory succeeds {@link #replica(int)} returns null for it. Replicas ejected here count towards
   * {@code maxEjectedPercent}, even beyond it.
   *
   * @param context the clock, scheduler, random source and listener of the set
   * @param detection how failing replicas are ejected
   * @param factories one factory per replica, in index order; the list is copied
   * @param <T> the chain interface
   * @return a new set
   * @throws ConfigurationException if there are no factories or more than {@value #MAX_REPLICAS}
   * @throws NullPointerException if an argument is null, or a factory is (the message names its index)
   */
  public static <T> ReplicaSet<T> restartable(ChainmailContext context, ReplicaDetection detection,
      List<? extends Supplier<? extends T>> factories) {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(detection, "detection");
    Objects.requireNonNull(factories, "factories");
    int size = factories.size();
    checkSize(detection.chain(), size, "factories");
    List<Supplier<? extends T>> copy = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      Supplier<? extends T> factory = factories.get(i);
      if (factory == null) {
        throw new NullPointerException(detection.chain() + ": the factory of replica " + i + " is null");
      }
      copy.add(factory);
    }
    ReplicaSet<T> set = new ReplicaSet<>(context, detection.configured(context.config()), size, List.copyOf(copy));
    for (int i = 0; i < size; i++) {
      set.build(i);
    }
    return set;
  }

  /** Builds a restartable replica for the first time, leaving it ejected if its factory fails. */
  private void build(int index) {
    RuntimeException problem = null;
    T instance = null;
    try {
      instance = factories.get(index).get();
    } catch (RuntimeException e) {
      problem = e;
    }
    if (problem == null && instance == null) {
      problem = nullFromFactory(index);
    }
    if (problem == null) {
      instances.set(index, instance);
      return;
    }
    Slot slot = slots[index];
    synchronized (lock) {
      ejected++;
      startEjection(slot);
      slot.setStatus(EJECTED);
    }
    listener.onReplicaEjected(chain, index, problem);
  }

  private NullPointerException nullFromFactory(int index) {
    return new NullPointerException(chain + ": the factory of replica " + index
        + " returned null; a factory must return a new replica or throw");
  }

  private static void checkSize(String chain, int size, String what) {
    if (size == 0) {
      throw new ConfigurationException(chain + ": a replicated chain needs at least one replica, but no " + what
          + " were given");
    }
    if (size > MAX_REPLICAS) {
      throw new ConfigurationException(chain + ": a replicated chain has at most " + MAX_REPLICAS
          + " replicas, but " + size + " " + what + " were given; split them over several chains");
    }
  }

  /** @return how many replicas the set holds, from 1 to {@value #MAX_REPLICAS} */
  public int size() {
    return slots.length;
  }

  /** @return the context the set was built with */
  public ChainmailContext context() {
    return context;
  }

  /** @return the detection settings the set was built with */
  public ReplicaDetection detection() {
    return detection;
  }

  /**
   * Returns the current instance of a replica: a volatile read, since a restartable replica's instance changes
   * when it is re-created.
   *
   * @param index the replica's index
   * @return the instance; null only for a restartable replica whose factory has never succeeded
   * @throws IndexOutOfBoundsException if {@code index} is not in {@code [0, size())}
   */
  public T replica(int index) {
    return instances.get(index);
  }

  /**
   * Returns a snapshot of every replica's health, in index order. A replica whose ejection time is over but that no
   * call or probe has seen since is still reported ejected.
   *
   * @return a new immutable list of {@link #size()} entries
   */
  public List<ReplicaHealth> health() {
    List<ReplicaHealth> health = new ArrayList<>(slots.length);
    synchronized (lock) {
      for (int i = 0; i < slots.length; i++) {
        Slot slot = slots[i];
        health.add(new ReplicaHealth(i, slot.status() >= EJECTED, slot.inFlight, slot.failures(), slot.ejections));
      }
    }
    return List.copyOf(health);
  }

  /**
   * Reports that a call succeeded on a replica; as {@link #succeeded(int, String)}, with the chain's name as the
   * method of a readmission event.
   *
   * @param index the replica's index
   * @throws IndexOutOfBoundsException if {@code index} is not in {@code [0, size())}
   */
  public void succeeded(int index) {
    succeeded(index, chain);
  }

  /**
   * Reports that a call succeeded on a replica: resets its consecutive failures, and makes it healthy if it was on
   * probation or ejected, which is reported to {@link ChainmailListener#onReplicaReadmitted}. On a healthy replica
   * with no failures this reads one volatile field and writes nothing.
   *
   * @param index the replica's index
   * @param method the replicated method, as {@code com.example.Answerer/answer}, for the listener
   * @throws IndexOutOfBoundsException if {@code index} is not in {@code [0, size())}
   */
  public void succeeded(int index, String method) {
    Slot slot = slots[index];
    long state = slot.state;
    if (state != 0L) {
      recover(index, slot, method, state);
    }
  }

  /** {@link #succeeded(int, String)} on a replica that had failures, or was not healthy. */
  private void recover(int index, Slot slot, String method, long state) {
    if ((int) state != 0) {
      slot.clearFailures();
    }
    if ((int) (state >>> 32) != HEALTHY) {
      heal(index, slot, method);
    }
  }

  private void heal(int index, Slot slot, String method) {
    synchronized (lock) {
      int status = slot.status();
      if (status == HEALTHY) {
        return;
      }
      if (status >= EJECTED) {
        ejected--;
      }
      slot.setStatus(HEALTHY);
    }
    listener.onReplicaReadmitted(method, index);
  }

  /**
   * Reports that a call failed on a replica, with a failure the method counts: ejects the replica if it was on
   * probation, or if it is healthy and this is its {@code ejectAfter}th consecutive failure and fewer than the most
   * replicas allowed are ejected. An ejection is reported to {@link ChainmailListener#onReplicaEjected}.
   *
   * @param index the replica's index
   * @param method the replicated method, as {@code com.example.Answerer/answer}, for the listener
   * @param failure what the call threw, for the listener
   * @throws IndexOutOfBoundsException if {@code index} is not in {@code [0, size())}
   */
  public void failed(int index, String method, Throwable failure) {
    Slot slot = slots[index];
    long state = slot.addFailure();
    int failures = (int) state;
    int status = (int) (state >>> 32);
    if ((status == PROBATION || (status == HEALTHY && failures >= ejectAfter)) && eject(slot)) {
      listener.onReplicaEjected(method, index, failure);
    }
  }

  private boolean eject(Slot slot) {
    synchronized (lock) {
      int status = slot.status();
      if (!(status == PROBATION || (status == HEALTHY && slot.failures() >= ejectAfter)) || ejected >= maxEjected) {
        return false;
      }
      ejected++;
      startEjection(slot);
      slot.setStatus(EJECTED);
      return true;
    }
  }

  /** Starts a new ejection of a replica: the caller holds the lock, and sets the status after. */
  private void startEjection(Slot slot) {
    slot.ejections++;
    long now = clock.nanoTime();
    slot.ejectedAt = now;
    slot.ejectedUntil = Checks.plus(now, detection.ejectionNanos(slot.ejections));
  }

  /**
   * Marks the start of a call on a replica, for the methods that balance on load; every call must be followed by
   * one {@link #exit(int)}. One atomic increment.
   *
   * @param index the replica's index
   * @throws IndexOutOfBoundsException if {@code index} is not in {@code [0, size())}
   */
  public void enter(int index) {
    IN_FLIGHT.incrementAndGet(slots[index]);
  }

  /**
   * Marks the end of a call that {@link #enter(int)} started, however it ended. One atomic decrement.
   *
   * @param index the replica's index
   * @throws IndexOutOfBoundsException if {@code index} is not in {@code [0, size())}
   */
  public void exit(int index) {
    IN_FLIGHT.decrementAndGet(slots[index]);
  }

  /**
   * Whether no replica is ejected or restarting, so that every replica is available: one volatile read, which lets
   * a {@link ReplicaPolicy} choose among all replicas without looking at each.
   */
  boolean noneEjected() {
    return ejected == 0;
  }

  /** @return how many calls that balance on load are running on the replica */
  int inFlight(int index) {
    return slots[index].inFlight;
  }

  /**
   * Returns whether a replica may be called; as {@link #available(int, String)}, with the chain's name as the method
   * of a restart event.
   *
   * @param index the replica's index
   * @return {@code false} while the replica is ejected
   * @throws IndexOutOfBoundsException if {@code index} is not in {@code [0, size())}
   */
  public boolean available(int index) {
    return available(index, chain);
  }

  /**
   * Returns whether a replica may be called. For a healthy replica, or one on probation, this is one volatile
   * read. For an ejected replica whose ejection time is over by the context's clock, it first puts the replica on
   * probation and returns {@code true}; in a restartable set it re-creates the replica first, on the calling
   * thread, and returns {@code false} if the factory fails.
   *
   * @param index the replica's index
   * @param method the replicated method, as {@code com.example.Answerer/answer}, for the listener
   * @return {@code false} while the replica is ejected
   * @throws IndexOutOfBoundsException if {@code index} is not in {@code [0, size())}
   */
  public boolean available(int index, String method) {
    Slot slot = slots[index];
    int status = slot.status();
    if (status <= PROBATION) {
      return true;
    }
    return status == EJECTED && readmitIfDue(index, slot, method);
  }

  private boolean readmitIfDue(int index, Slot slot, String method) {
    if (clock.nanoTime() < slot.ejectedUntil) {
      return false;
    }
    synchronized (lock) {
      int status = slot.status();
      if (status != EJECTED) {
        return status <= PROBATION;
      }
      if (clock.nanoTime() < slot.ejectedUntil) {
        return false;
      }
      if (factories == null) {
        ejected--;
        slot.setStatus(PROBATION);
        return true;
      }
      slot.setStatus(RESTARTING);
    }
    return restart(index, method);
  }

  /**
   * Re-creates a replica that this thread moved to {@link #RESTARTING}: swaps in the factory's new instance and puts
   * the replica on probation, or ejects it again if the factory fails.
   *
   * @return whether the replica may now be called
   */
  private boolean restart(int index, String method) {
    T fresh = null;
    RuntimeException problem = null;
    boolean returned = false;
    try {
      fresh = factories.get(index).get();
      returned = true;
    } catch (RuntimeException e) {
      problem = e;
    } finally {
      if (!returned && problem == null) {
        restartFailed(slots[index]);
      }
    }
    if (problem == null && fresh == null) {
      problem = nullFromFactory(index);
    }
    if (problem != null) {
      if (restartFailed(slots[index])) {
        listener.onReplicaEjected(method, index, problem);
      }
      return false;
    }
    T old = instances.getAndSet(index, fresh);
    Slot slot = slots[index];
    boolean callable;
    synchronized (lock) {
      if (slot.status() == RESTARTING) {
        ejected--;
        slot.setStatus(PROBATION);
      }
      callable = slot.status() <= PROBATION;
    }
    closeQuietly(old);
    if (old != null) {
      listener.onReplicaRestarted(method, index);
    }
    return callable;
  }

  /** @return whether the replica was ejected again (it was not if a success healed it meanwhile) */
  private boolean restartFailed(Slot slot) {
    synchronized (lock) {
      if (slot.status() != RESTARTING) {
        return false;
      }
      startEjection(slot);
      slot.setStatus(EJECTED);
      return true;
    }
  }

  private static void closeQuietly(Object instance) {
    if (instance instanceof AutoCloseable) {
      try {
        ((AutoCloseable) instance).close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (Exception e) {
        // The old instance is discarded either way; its close failure is nobody's to handle.
      }
    }
  }

  /**
   * Returns the replica to try when every replica is ejected: the one whose current ejection started earliest by
   * the context's clock, the lowest index among equals. A success there makes it healthy again. Replicas that have
   * no instance (a restartable replica whose factory never succeeded) are chosen only if no other is ejected.
   *
   * @return the replica's index; 0 if, by the time it looks, no replica is ejected
   */
  public int earliestEjected() {
    int best = -1;
    long bestAt = 0;
    boolean bestHasInstance = false;
    for (int i = 0; i < slots.length; i++) {
      Slot slot = slots[i];
      if (slot.status() < EJECTED) {
        continue;
      }
      long at = slot.ejectedAt;
      boolean hasInstance = instances.get(i) != null;
      if (best < 0 || (hasInstance && !bestHasInstance) || (hasInstance == bestHasInstance && at - bestAt < 0)) {
        best = i;
        bestAt = at;
        bestHasInstance = hasInstance;
      }
    }
    return best < 0 ? 0 : best;
  }

  /**
   * Probes every replica every {@code heartbeatEvery}, starting {@code heartbeatEvery} from now, on the context's
   * {@link Scheduler} and never on the calling thread. A probe fails if it throws or returns {@code false}; its
   * outcome counts as a call's would, except that a successful probe of an ejected replica makes it healthy at
   * once. An ejected restartable replica is re-created before it is probed, and not probed if that fails. Each
   * call starts one more heartbeat; {@link #close()} stops them all.
   *
   * @param method the method named in the listener's events, as {@code com.example.Answerer/ping}, whose config keys
   *     {@code .../Heartbeat/every} and {@code .../Heartbeat/enabled} (the method's, else every use's) override the
   *     interval, or with {@code false} start nothing
   * @param probe the check of one replica
   * @throws ConfigurationException if the detection has no {@code heartbeatEvery} and no key gives one, or a key's
   *     value is bad; the message names the key
   * @throws IllegalStateException if the set is closed
   * @throws NullPointerException if an argument is null
   */
  public void startHeartbeat(String method, Probe<? super T> probe) {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(probe, "probe");
    ChainmailConfig config = context.config();
    if (!ConfigOverrides.enabled(config, method, false, "Heartbeat")) {
      return;
    }
    long every = heartbeatEvery(config, method);
    Heartbeat heartbeat = new Heartbeat(method, probe, every);
    synchronized (lock) {
      if (closed) {
        throw new IllegalStateException(chain + ": cannot start a heartbeat for " + method
            + ": the replica set is closed");
      }
      heartbeats.add(heartbeat);
    }
    heartbeat.scheduleNext();
  }

  /** The heartbeat's interval: its {@code every} key's, else the detection's. */
  private long heartbeatEvery(ChainmailConfig config, String method) {
    ConfigOverrides.Found found = ConfigOverrides.find(config, method, false, "Heartbeat", "every");
    if (found != null) {
      try {
        return Checks.positiveNanos(method, "every", Durations.parseNanos(found.value().trim()));
      } catch (IllegalArgumentException e) {
        throw ConfigOverrides.invalid(found, e.getMessage(), e);
      }
    }
    if (detection.heartbeatEveryNanos().isEmpty()) {
      throw new ConfigurationException(chain + ": cannot start a heartbeat for " + method
          + " without an interval; set heartbeatEvery on the ReplicaDetection, such as \"10s\"");
    }
    return detection.heartbeatEveryNanos().getAsLong();
  }

  /**
   * Stops every heartbeat: a probe round under way finishes, and no other starts. The replicas are not closed.
   * Calling it again does nothing.
   */
  public void close() {
    List<Heartbeat> stopping;
    synchronized (lock) {
      closed = true;
      stopping = new ArrayList<>(heartbeats);
      heartbeats.clear();
    }
    for (Heartbeat heartbeat : stopping) {
      heartbeat.stop();
    }
  }

  private void probe(int index, String method, Probe<? super T> probe) {
    Slot slot = slots[index];
    int status = slot.status();
    if (status == RESTARTING) {
      return;
    }
    if (status == EJECTED && factories != null) {
      synchronized (lock) {
        if (slot.status() != EJECTED) {
          return;
        }
        slot.setStatus(RESTARTING);
      }
      if (!restart(index, method)) {
        return;
      }
    }
    Throwable failure = null;
    try {
      if (!probe.probe(instances.get(index))) {
        failure = new IllegalStateException(method + ": the heartbeat probe of replica " + index
            + " returned false");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure = e;
    } catch (Exception e) {
      failure = e;
    }
    if (failure == null) {
      succeeded(index, method);
    } else {
      failed(index, method, failure);
    }
  }

  /** One heartbeat: a task that probes every replica, then schedules itself again. */
  private final class Heartbeat implements Runnable {
    private final String method;
    private final Probe<? super T> probe;
    private final long everyNanos;
    private volatile boolean stopped;
    private volatile Scheduler.Cancellable pending;

    Heartbeat(String method, Probe<? super T> probe, long everyNanos) {
      this.method = method;
      this.probe = probe;
      this.everyNanos = everyNanos;
    }

    void scheduleNext() {
      if (stopped) {
        return;
      }
      Scheduler.Cancellable next = context.scheduler().schedule(new Tick(this), everyNanos);
      pending = next;
      if (stopped) {
        next.cancel();
      }
    }

    void stop() {
      stopped = true;
      Scheduler.Cancellable next = pending;
      if (next != null) {
        next.cancel();
      }
    }

    @Override
    public void run() {
      if (stopped) {
        return;
      }
      try {
        for (int i = 0; i < slots.length; i++) {
          try {
            probe(i, method, probe);
          } catch (RuntimeException e) {
            // A listener that throws has no caller to reach here; the other replicas are still probed.
          }
        }
      } finally {
        scheduleNext();
      }
    }
  }

  /**
   * What the scheduler holds between two rounds of a heartbeat: the heartbeat, weakly. A proxy that is no longer
   * used is collected with its replica set and heartbeat even if nobody closed it, and its probes stop, rather than
   * the scheduler keeping it, and probing its replicas, for ever.
   */
  private static final class Tick implements Runnable {
    private final WeakReference<Runnable> heartbeat;

    Tick(Runnable heartbeat) {
      this.heartbeat = new WeakReference<>(heartbeat);
    }

    @Override
    public void run() {
      Runnable round = heartbeat.get();
      if (round != null) {
        round.run();
      }
    }
  }

  @Override
  public String toString() {
    return "ReplicaSet[" + chain + ": " + slots.length + " replicas" + (factories == null ? "" : ", restartable")
        + "]";
  }
}
