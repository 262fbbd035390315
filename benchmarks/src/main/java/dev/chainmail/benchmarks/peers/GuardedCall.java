package dev.chainmail.benchmarks.peers;

import dev.chainmail.benchmarks.chains.Service;
import java.util.function.IntSupplier;

/**
 * One peer library's guard around one target, built once as an application would build it at start-up, then
 * called by a benchmark method. The peer classes ({@link Resilience4jPeer}, {@link FailsafePeer},
 * {@link SpringRetryPeer}, {@link SmallRyePeer}) build these; each writes its library's call the way that
 * library's users write it, and this class only supplies the call that is guarded.
 *
 * <p>The input is read from an {@link IntSupplier} at each call instead of being passed to {@link #call()}. The
 * callbacks that some guards take at every call ({@code Failsafe.with(...).get(...)},
 * {@code retry.executeSupplier(...)}, {@code template.execute(...)}) then capture this object alone, as a lambda
 * in a benchmark method captures the benchmark alone; capturing the input as well would make each of them 8 bytes
 * larger and change the bytes per operation measured.
 *
 * <p>Instances are thread-safe if their target and their input are.
 *
 * @param <T> the chain type, whose instances the sanity checks ask how often they were called
 */
public abstract class GuardedCall<T extends Service> {

  private final T target;
  private final IntSupplier input;

  GuardedCall(T target, IntSupplier input) {
    this.target = target;
    this.input = input;
  }

  /**
   * Calls the target once through the guard, with the current input.
   *
   * @return what the target answered or, where the guard has a fallback and the attempts failed, the fallback
   * @throws RuntimeException the target's last failure, where the guard gives up without a fallback
   */
  public abstract int call();

  /** @return the object the guard calls */
  public final T target() {
    return target;
  }

  /** @return the unguarded call: the target's method with the current input */
  final int callTarget() {
    return target.call(input.getAsInt());
  }

  /**
   * @param fallback the chain's fallback method
   * @param cause the last failure
   * @return what the target's fallback method answers for the current input
   */
  final int callFallback(FallbackMethod<? super T> fallback, Throwable cause) {
    return fallback.apply(target, input.getAsInt(), cause);
  }
}
