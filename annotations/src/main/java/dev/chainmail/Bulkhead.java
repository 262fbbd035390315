package dev.chainmail;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Bounds how many calls of a chain method run at once, so that one slow dependency cannot take every thread.
 *
 * <p>A call takes a permit before it runs and gives it back when it returns or throws. When none is free, the
 * caller waits for one up to {@link #maxWait}; past it, the proxy throws
 * {@code dev.chainmail.runtime.BulkheadFullException} without calling the method. A caller interrupted while
 * waiting gets the same exception, and its interrupt flag stays set.
 *
 * <p>On a method, or on a type, where it covers the same methods as a type-level {@link Retry} that have no
 * {@code @Bulkhead} of their own. It is the innermost guard, right around the call.
 *
 * <p>{@code value < 1}, a {@code maxWait} that does not parse, and two bulkheads of one name with different
 * configurations are compile errors.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Bulkhead {

  /** The most calls that may run at once. At least {@code 1}. */
  int value() default 10;

  /** How long a caller may wait for a permit, such as {@code "100ms"}; zero by default: fail at once. */
  String maxWait() default "0ms";

  /**
   * Shares one bulkhead between every method and proxy that uses this name within one {@code ChainmailContext}
   * (the default context is JVM-wide). Empty by default: the bulkhead belongs to one method of one proxy.
   */
  String name() default "";
}
