package dev.chainmail.benchmarks.peers;

import dev.chainmail.benchmarks.chains.Service;
import java.util.function.IntSupplier;
import org.springframework.retry.support.RetryTemplate;

/**
 * Spring Retry's guard around a target, with no Spring context: a {@link RetryTemplate} from
 * {@link Policies#springRetry()}, built once; each call is {@code template.execute(callback[, recoveryCallback])}.
 * This class is thread-safe.
 */
public final class SpringRetryPeer {

  private SpringRetryPeer() {}

  /**
   * Retries: each call is {@code template.execute(context -> target.call(x))}.
   *
   * @param target the object called
   * @param input the argument of each call
   * @param <T> the chain type
   * @return the guarded call
   */
  public static <T extends Service> GuardedCall<T> retry(T target, IntSupplier input) {
    return new Retried<>(Policies.springRetry(), target, input);
  }

  /**
   * Retries, then recovers: each call is
   * {@code template.execute(context -> target.call(x), context -> target.fallback(x, context.getLastThrowable()))}.
   *
   * @param target the object called
   * @param input the argument of each call
   * @param fallback the target's fallback method, called once the template gives up
   * @param <T> the chain type
   * @return the guarded call
   */
  public static <T extends Service> GuardedCall<T> retryWithFallback(T target, IntSupplier input,
      FallbackMethod<? super T> fallback) {
    return new Recovered<>(Policies.springRetry(), fallback, target, input);
  }

  private static final class Retried<T extends Service> extends GuardedCall<T> {
    private final RetryTemplate template;

    Retried(RetryTemplate template, T target, IntSupplier input) {
      super(target, input);
      this.template = template;
    }

    @Override
    public int call() {
      return template.execute(context -> callTarget());
    }
  }

  private static final class Recovered<T extends Service> extends GuardedCall<T> {
    private final RetryTemplate template;
    private final FallbackMethod<? super T> fallback;

    Recovered(RetryTemplate template, FallbackMethod<? super T> fallback, T target, IntSupplier input) {
      super(target, input);
      this.template = template;
      this.fallback = fallback;
    }

    @Override
    public int call() {
      return template.execute(context -> callTarget(),
          context -> callFallback(fallback, context.getLastThrowable()));
    }
  }
}
