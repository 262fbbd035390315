package dev.chainmail.benchmarks.peers;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;

/**
 * Interface proxies built with {@link Proxy}, the JDK's own runtime proxies: a generic {@link InvocationHandler}
 * receives the {@link Method} and an {@code Object[]} of arguments, runs the retry loop, and calls the target by
 * reflection. The JDK makes one proxy class per interface list, so every proxy of one interface shares a class.
 * This class is thread-safe; so are the handlers.
 */
public final class JdkProxies {

  private JdkProxies() {}

  /**
   * Creates a proxy that retries every call of the interface's methods on {@code target}.
   *
   * @param type the interface
   * @param target the object called
   * @param <T> the interface type
   * @return a new proxy
   */
  public static <T> T retrying(Class<T> type, T target) {
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
        new RetryHandler(target, Policies.MAX_ATTEMPTS, null)));
  }

  /**
   * Creates a proxy that retries every call of the interface's methods on {@code target} and, when the retries
   * are exhausted, answers with the target's method {@code fallbackName}, which takes the guarded method's
   * parameters followed by a {@link Throwable}.
   *
   * @param type the interface
   * @param target the object called
   * @param methodName the guarded method, used to find the fallback's parameter types
   * @param fallbackName the fallback method, found once by reflection
   * @param <T> the interface type
   * @return a new proxy
   * @throws IllegalStateException if the target has no such fallback method
   */
  public static <T> T retryingWithFallback(Class<T> type, T target, String methodName, String fallbackName) {
    Method fallback = fallbackMethod(target.getClass(), methodName, fallbackName);
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
        new RetryHandler(target, Policies.MAX_ATTEMPTS, fallback)));
  }

  static Method fallbackMethod(Class<?> type, String methodName, String fallbackName) {
    for (Method method : type.getMethods()) {
      if (method.getName().equals(methodName)) {
        Class<?>[] parameters = Arrays.copyOf(method.getParameterTypes(), method.getParameterCount() + 1);
        parameters[parameters.length - 1] = Throwable.class;
        try {
          return type.getMethod(fallbackName, parameters);
        } catch (NoSuchMethodException e) {
          throw new IllegalStateException(type.getName() + " has no public fallback method " + fallbackName, e);
        }
      }
    }
    throw new IllegalStateException(type.getName() + " has no public method " + methodName);
  }

  private static final class RetryHandler implements InvocationHandler {
    private final Object target;
    private final int maxAttempts;
    private final Method fallback;

    RetryHandler(Object target, int maxAttempts, Method fallback) {
      this.target = target;
      this.maxAttempts = maxAttempts;
      this.fallback = fallback;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      if (method.getDeclaringClass() == Object.class) {
        return invokeOnce(method, target, args);
      }
      int attempt = 0;
      while (true) {
        try {
          return method.invoke(target, args);
        } catch (InvocationTargetException e) {
          Throwable failure = e.getCause();
          if (!(failure instanceof Exception)) {
            throw failure;
          }
          if (++attempt < maxAttempts) {
            continue;
          }
          if (fallback == null) {
            throw failure;
          }
          Object[] fallbackArgs = Arrays.copyOf(args, args.length + 1);
          fallbackArgs[args.length] = failure;
          return invokeOnce(fallback, target, fallbackArgs);
        }
      }
    }

    private static Object invokeOnce(Method method, Object target, Object[] args) throws Throwable {
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }
}
