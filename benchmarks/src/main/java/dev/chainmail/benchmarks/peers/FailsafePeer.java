package dev.chainmail.benchmarks.peers;

import dev.chainmail.benchmarks.chains.Service;
import dev.failsafe.Failsafe;
import dev.failsafe.Fallback;
import dev.failsafe.RetryPolicy;
import java.util.function.IntSupplier;

/**
 * Failsafe's guards around a target. The policies are built once; each call is {@code Failsafe.with(policies)}
 * {@code .get(() -> target.call(x))}, as Failsafe's documentation writes it, with the policies outermost first.
 * This class is thread-safe.
 */
public final class FailsafePeer {

  private FailsafePeer() {}

  /**
   * Retries: each call is {@code Failsafe.with(retryPolicy).get(() -> target.call(x))}, with
   * {@link Policies#failsafe()}.
   *
   * @param target the object called
   * @param input the argument of each call
   * @param <T> the chain type
   * @return the guarded call
   */
  public static <T extends Service> GuardedCall<T> retry(T target, IntSupplier input) {
    return new Retried<>(Policies.failsafe(), target, input);
  }

  /**
   * Retries inside a fallback: each call is {@code Failsafe.with(fallback, retryPolicy).get(() -> target.call(x))}.
   *
   * @param target the object called
   * @param input the argument of each call
   * @param fallback the target's fallback method, called once the retry policy gives up
   * @param <T> the chain type
   * @return the guarded call
   */
  public static <T extends Service> GuardedCall<T> retryWithFallback(T target, IntSupplier input,
      FallbackMethod<? super T> fallback) {
    // A block body: an expression lambda would match both Fallback.of(CheckedConsumer) and of(CheckedFunction).
    Fallback<Integer> policy = Fallback.of(event -> {
      return fallback.apply(target, input.getAsInt(), event.getLastException());
    });
    return new RetriedWithFallback<>(policy, Policies.failsafe(), target, input);
  }

  private static final class Retried<T extends Service> extends GuardedCall<T> {
    private final RetryPolicy<Integer> retry;

    Retried(RetryPolicy<Integer> retry, T target, IntSupplier input) {
      super(target, input);
      this.retry = retry;
    }

    @Override
    public int call() {
      return Failsafe.with(retry).get(this::callTarget);
    }
  }

  private static final class RetriedWithFallback<T extends Service> extends GuardedCall<T> {
    private final Fallback<Integer> fallback;
    private final RetryPolicy<Integer> retry;

    RetriedWithFallback(Fallback<Integer> fallback, RetryPolicy<Integer> retry, T target, IntSupplier input) {
      super(target, input);
      this.fallback = fallback;
      this.retry = retry;
    }

    @Override
    public int call() {
      return Failsafe.with(fallback, retry).get(this::callTarget);
    }
  }
}
