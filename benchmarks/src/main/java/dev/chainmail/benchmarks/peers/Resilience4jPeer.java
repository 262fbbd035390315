package dev.chainmail.benchmarks.peers;

import dev.chainmail.benchmarks.chains.Service;
import io.github.resilience4j.core.SupplierUtils;
import io.github.resilience4j.retry.Retry;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * Resilience4j's guards around a target, in the two styles its documentation shows: a supplier decorated once
 * and then called, and a supplier handed to the guard at each call. The guards are passed in (a {@link Retry}
 * from {@link Policies#resilience4j(String)}), since one guard may serve several targets. This class is
 * thread-safe.
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
}
