package dev.chainmail.benchmarks.peers;

import dev.chainmail.benchmarks.chains.Service;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.core.SupplierUtils;
import io.github.resilience4j.decorators.Decorators;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * Resilience4j's guards around a target, in the two styles its documentation shows: a supplier decorated once
 * and then called, and a supplier handed to the guard at each call. The guards are passed in (a {@link Retry}
 * from {@link Policies#resilience4j(String)}, a {@link CircuitBreaker} from
 * {@link Policies#resilience4jBreaker(String)}, and so on), since one guard may serve several targets. This class
 * is thread-safe.
 */
public final class Resilience4jPeer {

  private Resilience4jPeer() {}

  /**
   * Decorates once: {@code Retry.decorateSupplier(retry, () -> target.call(x))}; each call is {@code get()}.
   *
   * @param retry the retry
   * @param target the object called
   * @param input the argument of each call
   * @param <T> the chain type
   * @return the guarded call
   */
  public static <T extends Service> GuardedCall<T> decorated(Retry retry, T target, IntSupplier input) {
    return new Decorated<>(target, input, call -> Retry.decorateSupplier(retry, call));
  }

  /**
   * Decorates once with a fallback:
   * {@code SupplierUtils.recover(Retry.decorateSupplier(retry, () -> target.call(x)), fallback)}.
   *
   * @param retry the retry
   * @param target the object called
   * @param input the argument of each call
   * @param fallback the target's fallback method, called once the retry gives up
   * @param <T> the chain type
   * @return the guarded call
   */
  public static <T extends Service> GuardedCall<T> decoratedWithFallback(Retry retry, T target, IntSupplier input,
      FallbackMethod<? super T> fallback) {
    return new Decorated<>(target, input, call -> SupplierUtils.recover(Retry.decorateSupplier(retry, call),
        failure -> fallback.apply(target, input.getAsInt(), failure)));
  }

  /**
   * Decorates at the call site: each call is {@code retry.executeSupplier(() -> target.call(x))}.
   *
   * @param retry the retry
   * @param target the object called
   * @param input the argument of each call
   * @param <T> the chain type
   * @return the guarded call
   */
  public static <T extends Service> GuardedCall<T> executed(Retry retry, T target, IntSupplier input) {
    return new Executed<>(retry, target, input);
  }

  /**
   * Decorates once: {@code CircuitBreaker.decorateSupplier(breaker, () -> target.call(x))}; each call is
   * {@code get()}.
   *
   * @param breaker the circuit breaker
   * @param target the object called
   * @param input the argument of each call
   * @param <T> the chain type
   * @return the guarded call
   */
  public static <T extends Service> GuardedCall<T> decorated(CircuitBreaker breaker, T target, IntSupplier input) {
    return new Decorated<>(target, input, call -> CircuitBreaker.decorateSupplier(breaker, call));
  }

  /**
   * Decorates once: {@code Bulkhead.decorateSupplier(bulkhead, () -> target.call(x))}; each call is {@code get()}.
   *
   * @param bulkhead the bulkhead, a semaphore one
   * @param target the object called
   * @param input the argument of each call
   * @param <T> the chain type
   * @return the guarded call
   */
  public static <T extends Service> GuardedCall<T> decorated(Bulkhead bulkhead, T target, IntSupplier input) {
    return new Decorated<>(target, input, call -> Bulkhead.decorateSupplier(bulkhead, call));
  }

  /**
   * Decorates once: {@code RateLimiter.decorateSupplier(limiter, () -> target.call(x))}; each call is
   * {@code get()}.
   *
   * @param limiter the rate limiter
   * @param target the object called
   * @param input the argument of each call
   * @param <T> the chain type
   * @return the guarded call
   */
  public static <T extends Service> GuardedCall<T> decorated(RateLimiter limiter, T target, IntSupplier input) {
    return new Decorated<>(target, input, call -> RateLimiter.decorateSupplier(limiter, call));
  }

  /**
   * Stacks a circuit breaker, a retry and a fallback, decorated once with {@code Decorators}:
   * {@code Decorators.ofSupplier(() -> target.call(x)).withCircuitBreaker(breaker).withRetry(retry)}
   * {@code .withFallback(fallback).decorate()}, the breaker innermost; each call is {@code get()}.
   *
   * @param breaker the circuit breaker
   * @param retry the retry
   * @param target the object called
   * @param input the argument of each call
   * @param fallback the target's fallback method, called once the retry gives up
   * @param <T> the chain type
   * @return the guarded call
   */
  public static <T extends Service> GuardedCall<T> stacked(CircuitBreaker breaker, Retry retry, T target,
      IntSupplier input, FallbackMethod<? super T> fallback) {
    return new Decorated<>(target, input, call -> Decorators.ofSupplier(call)
        .withCircuitBreaker(breaker)
        .withRetry(retry)
        .withFallback(failure -> fallback.apply(target, input.getAsInt(), failure))
        .decorate());
  }

  /**
   * Bounds each call's time with the synchronous form of Resilience4j's future-based time limiter: a callable
   * decorated once, {@code TimeLimiter.decorateFutureSupplier(limiter, () -> CompletableFuture.supplyAsync(() ->}
   * {@code target.call(x), executor))}, whose {@code call()} waits for the future with the limiter's timeout. The
   * executor is a pool of one daemon thread, created here once; the caller blocks while the call runs there.
   *
   * @param limiter the time limiter
   * @param target the object called
   * @param input the argument of each call
   * @param <T> the chain type
   * @return the guarded call; its {@code call()} throws {@link IllegalStateException} with the limiter's
   *     {@link java.util.concurrent.TimeoutException} as its cause when the timeout passes
   */
  public static <T extends Service> GuardedCall<T> timeLimited(TimeLimiter limiter, T target, IntSupplier input) {
    return new TimeLimited<>(limiter, target, input);
  }

  /** A supplier decorated once, at construction. */
  private static final class Decorated<T extends Service> extends GuardedCall<T> {
    private final Supplier<Integer> decorated;

    Decorated(T target, IntSupplier input, Function<Supplier<Integer>, Supplier<Integer>> decoration) {
      super(target, input);
      this.decorated = decoration.apply(this::callTarget);
    }

    @Override
    public int call() {
      return decorated.get();
    }
  }

  /** A new supplier handed to the retry at each call. */
  private static final class Executed<T extends Service> extends GuardedCall<T> {
    private final Retry retry;

    Executed(Retry retry, T target, IntSupplier input) {
      super(target, input);
      this.retry = retry;
    }

    @Override
    public int call() {
      return retry.executeSupplier(this::callTarget);
    }
  }

  /** A future-supplier decorated once, at construction, whose future runs the call on a thread of its own. */
  private static final class TimeLimited<T extends Service> extends GuardedCall<T> {
    private final Callable<Integer> limited;

    TimeLimited(TimeLimiter limiter, T target, IntSupplier input) {
      super(target, input);
      ExecutorService executor = Executors.newFixedThreadPool(1, runnable -> {
        Thread thread = new Thread(runnable, "resilience4j-time-limited-call");
        thread.setDaemon(true);
        return thread;
      });
      Supplier<Integer> body = this::callTarget;
      this.limited = TimeLimiter.decorateFutureSupplier(limiter,
          () -> CompletableFuture.supplyAsync(body, executor));
    }

    @Override
    public int call() {
      try {
        return limited.call();
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException("the time-limited call failed", e);
      }
    }
  }
}
