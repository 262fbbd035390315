package dev.chainmail.benchmarks.peers;

import static net.bytebuddy.matcher.ElementMatchers.named;

import java.lang.invoke.MethodHandles;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.concurrent.Callable;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.implementation.MethodDelegation;
import net.bytebuddy.implementation.bind.annotation.AllArguments;
import net.bytebuddy.implementation.bind.annotation.RuntimeType;
import net.bytebuddy.implementation.bind.annotation.SuperCall;
import net.bytebuddy.implementation.bind.annotation.This;

/**
 * Subclass proxies generated at run time with Byte Buddy, the way runtime AOP frameworks build them: one generated
 * subclass per chain class, whose guarded method delegates to a generic interceptor that receives the original
 * call as a {@code @SuperCall Callable} and runs the retry loop around it. This class is thread-safe; so are the
 * interceptors.
 */
public final class ByteBuddyProxies {

  private ByteBuddyProxies() {}

  /**
   * Creates a subclass proxy whose method {@code methodName} is retried.
   *
   * @param type the chain class; public, not final, with a public no-argument constructor
   * @param methodName the method to guard
   * @param <T> the chain type
   * @return a new proxy instance
   * @throws IllegalStateException if the class cannot be generated or instantiated
   */
  public static <T> T retrying(Class<T> type, String methodName) {
    return create(type, methodName, new RetryInterceptor(Policies.MAX_ATTEMPTS));
  }

  /**
   * Creates a subclass proxy whose method {@code methodName} is retried and, when the retries are exhausted,
   * answered by the method {@code fallbackName}, which takes the same parameters followed by a {@link Throwable}.
   *
   * @param type the chain class; public, not final, with a public no-argument constructor
   * @param methodName the method to guard
   * @param fallbackName the fallback method, found once by reflection
   * @param <T> the chain type
   * @return a new proxy instance
   * @throws IllegalStateException if the class cannot be generated or instantiated, or has no such fallback
   */
  public static <T> T retryingWithFallback(Class<T> type, String methodName, String fallbackName) {
    Method fallback = JdkProxies.fallbackMethod(type, methodName, fallbackName);
    return create(type, methodName, new RetryFallbackInterceptor(Policies.MAX_ATTEMPTS, fallback));
  }

  private static <T> T create(Class<T> type, String methodName, Object interceptor) {
    try {
      Class<? extends T> proxyClass = new ByteBuddy()
          .subclass(type)
          .method(named(methodName))
          .intercept(MethodDelegation.to(interceptor))
          .make()
          .load(type.getClassLoader(),
              ClassLoadingStrategy.UsingLookup.of(MethodHandles.privateLookupIn(type, MethodHandles.lookup())))
          .getLoaded();
      return proxyClass.getConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot create a Byte Buddy proxy of " + type.getName(), e);
    }
  }

  /** Retries the super call, rethrowing the last failure. */
  public static final class RetryInterceptor {
    private final int maxAttempts;

    RetryInterceptor(int maxAttempts) {
      this.maxAttempts = maxAttempts;
    }

    /**
     * @param zuper the original method, bound to this call's arguments
     * @return what the original method returned
     * @throws Exception the last failure, once the attempts are used up
     */
    @RuntimeType
    public Object intercept(@SuperCall Callable<?> zuper) throws Exception {
      int attempt = 0;
      while (true) {
        try {
          return zuper.call();
        } catch (Exception e) {
          if (++attempt >= maxAttempts) {
            throw e;
          }
        }
      }
    }
  }

  /** Retries the super call, then answers with a fallback method called by reflection. */
  public static final class RetryFallbackInterceptor {
    private final int maxAttempts;
    private final Method fallback;

    RetryFallbackInterceptor(int maxAttempts, Method fallback) {
      this.maxAttempts = maxAttempts;
      this.fallback = fallback;
    }

    /**
     * @param self the proxy
     * @param args this call's arguments
     * @param zuper the original method, bound to this call's arguments
     * @return what the original method or, once the attempts are used up, the fallback returned
     * @throws Throwable what the fallback threw
     */
    @RuntimeType
    public Object intercept(@This Object self, @AllArguments Object[] args, @SuperCall Callable<?> zuper)
        throws Throwable {
      int attempt = 0;
      while (true) {
        try {
          return zuper.call();
        } catch (Exception e) {
          if (++attempt >= maxAttempts) {
            Object[] fallbackArgs = Arrays.copyOf(args, args.length + 1);
            fallbackArgs[args.length] = e;
            try {
              return fallback.invoke(self, fallbackArgs);
            } catch (InvocationTargetException failed) {
              throw failed.getCause();
            }
          }
        }
      }
    }
  }
}
