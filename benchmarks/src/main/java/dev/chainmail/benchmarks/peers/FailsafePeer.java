package dev.chainmail.benchmarks.peers;

import dev.chainmail.benchmarks.chains.Service;
import dev.failsafe.CircuitBreaker;
import dev.failsafe.Failsafe;
import dev.failsafe.Fallback;
import dev.failsafe.Policy;
import dev.failsafe.RetryPolicy;
import java.time.Duration;
import java.util.function.IntSupplier;

/**
 * Failsafe's guards around a target. The policies are built once; each call is {@code Failsafe.with(policies)}
 * {@code .get(() -> target.call(x))}, as Failsafe's documentation writes it, with the policies outermost first:
 * the {@code FailsafeExecutor} that {@code Failsafe.with} returns is made at every call, not kept. This class is
 * thread-safe.
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
    return new Guarded<>(Policies.failsafe(), target, input);
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
    return new RetriedWithFallback<>(fallback(target, input, fallback), Policies.failsafe(), target, input);
  }

  /**
   * A circuit breaker: each call is {@code Failsafe.with(circuitBreaker).get(() -> target.call(x))}, with
   * {@link Policies#failsafeBreaker()}.
   *
   * @param target the object called
   * @param input the argument of each call
   * @param <T> the chain type
   * @return the guarded call
   */
  public static <T extends Service> GuardedCall<T> breaker(T target, IntSupplier input) {
    return new Guarded<>(Policies.failsafeBreaker(), target, input);
  }

  /**
   * A circuit breaker inside a retry inside a fallback: each call is
   * {@code Failsafe.with(fallback, retryPolicy, circuitBreaker).get(() -> target.call(x))}.
   *
   * @param target the object called
   * @param input the argument of each call
   * @param fallback the target's fallback method, called once the retry policy gives up
   * @param <T> the chain type
   * @return the guarded call
   */
  public static <T extends Service> GuardedCall<T> stacked(T target, IntSupplier input,
      FallbackMethod<? super T> fallback) {
    return new Stacked<>(fallback(target, input, fallback), Policies.failsafe(), Policies.failsafeBreaker(), target,
        input);
  }

  /**
   * A bulkhead: each call is {@code Failsafe.with(bulkhead).get(() -> target.call(x))}, with
   * {@link Policies#failsafeBulkhead()}.
   *
   * @param target the object called
   * @param input the argument of each call
   * @param <T> the chain type
   * @return the guarded call
   */
  public static <T extends Service> GuardedCall<T> bulkhead(T target, IntSupplier input) {
    return new Guarded<>(Policies.failsafeBulkhead(), target, input);
  }

  /**
   * A timeout: each call is {@code Failsafe.with(timeout).get(() -> target.call(x))}, with
   * {@link Policies#failsafeTimeout(Duration, boolean)}.
   *
   * @param timeout how long a call may take
   * @param interrupt whether the timeout interrupts the call ({@code withInterrupt()})
   * @param target the object called
   * @param input the argument of each call
   * @param <T> the chain type
   * @return the guarded call
   */
  public static <T extends Service> GuardedCall<T> timeout(Duration timeout, boolean interrupt, T target,
      IntSupplier input) {
    return new Guarded<>(Policies.failsafeTimeout(timeout, interrupt), target, input);
  }

  /**
   * A rate limiter: each call is {@code Failsafe.with(rateLimiter).get(() -> target.call(x))}, with
   * {@link Policies#failsafeRateLimiter(int, Duration)}.
   *
   * @param permits the executions permitted per period
   * @param window the period
   * @param target the object called
   * @param input the argument of each call
   * @param <T> the chain type
   * @return the guarded call
   */
  public static <T extends Service> GuardedCall<T> rateLimited(int permits, Duration window, T target,
      IntSupplier input) {
    return new Guarded<>(Policies.failsafeRateLimiter(permits, window), target, input);
  }

  private static <T extends Service> Fallback<Integer> fallback(T target, IntSupplier input,
      FallbackMethod<? super T> fallback) {
    // A block body: an expression lambda would match both Fallback.of(CheckedConsumer) and of(CheckedFunction).
    return Fallback.of(event -> {
      return fallback.apply(target, input.getAsInt(), event.getLastException());
    });
  }

  private static final class Guarded<T extends Service> extends GuardedCall<T> {
    private final Policy<Integer> policy;

    Guarded(Policy<Integer> policy, T target, IntSupplier input) {
      super(target, input);
      this.policy = policy;
    }

    @Override
    public int call() {
      return Failsafe.with(policy).get(this::callTarget);
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

  private static final class Stacked<T extends Service> extends GuardedCall<T> {
    private final Fallback<Integer> fallback;
    private final RetryPolicy<Integer> retry;
    private final CircuitBreaker<Integer> breaker;

    Stacked(Fallback<Integer> fallback, RetryPolicy<Integer> retry, CircuitBreaker<Integer> breaker, T target,
        IntSupplier input) {
      super(target, input);
      this.fallback = fallback;
      this.retry = retry;
      this.breaker = breaker;
    }

    @Override
    public int call() {
      return Failsafe.with(fallback, retry, breaker).get(this::callTarget);
    }
  }
}
