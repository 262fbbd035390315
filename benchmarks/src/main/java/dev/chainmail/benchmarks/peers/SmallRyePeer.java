package dev.chainmail.benchmarks.peers;

import dev.chainmail.benchmarks.chains.Service;
import io.smallrye.faulttolerance.api.TypedGuard;
import java.util.function.IntSupplier;

/**
 * SmallRye Fault Tolerance's guard around a target, with the standalone programmatic API: a {@link TypedGuard}
 * built once (its retry from {@link Policies#smallRye(TypedGuard.Builder)}); each call is
 * {@code guard.get(() -> target.call(x))}. This class is thread-safe.
 */
public final class SmallRyePeer {

  private SmallRyePeer() {}

  /**
   * Retries: a guard built {@code withRetry()}.
   *
   * @param target the object called
   * @param input the argument of each call
   * @param <T> the chain type
   * @return the guarded call
   */
  public static <T extends Service> GuardedCall<T> retry(T target, IntSupplier input) {
    return new Guarded<>(Policies.smallRye(TypedGuard.create(Integer.class)).build(), target, input);
  }

  /**
   * Retries inside a fallback: a guard built {@code withRetry()} and {@code withFallback()}.
   *
   * @param target the object called
   * @param input the argument of each call
   * @param fallback the target's fallback method, called once the retry gives up
   * @param <T> the chain type
   * @return the guarded call
   */
  public static <T extends Service> GuardedCall<T> retryWithFallback(T target, IntSupplier input,
      FallbackMethod<? super T> fallback) {
    TypedGuard<Integer> guard = Policies.smallRye(TypedGuard.create(Integer.class))
        .withFallback().handler(failure -> fallback.apply(target, input.getAsInt(), failure)).done()
        .build();
    return new Guarded<>(guard, target, input);
  }

  private static final class Guarded<T extends Service> extends GuardedCall<T> {
    private final TypedGuard<Integer> guard;

    Guarded(TypedGuard<Integer> guard, T target, IntSupplier input) {
      super(target, input);
      this.guard = guard;
    }

    @Override
    public int call() {
      return guard.get(this::callTarget);
    }
  }
}
