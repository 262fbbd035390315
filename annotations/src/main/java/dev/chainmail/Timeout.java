package dev.chainmail;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Bounds how long one attempt of a chain method may take.
 *
 * <p>The method runs on the caller's thread, with no thread hop. If it has not returned by the deadline, a watchdog
 * thread interrupts it, and the proxy throws {@code dev.chainmail.runtime.TimeoutExceededException}, with what
 * the method threw, if anything, as its cause. The exception is thrown even if the method ignores the interrupt
 * and returns late. The interrupt the watchdog caused is cleared before the proxy returns, so the caller's thread
 * is not left interrupted; an interrupt from elsewhere is kept.
 *
 * <p>On a method, or on a type, where it covers the same methods as a type-level {@link Retry} that have no
 * {@code @Timeout} of their own. It sits inside {@link Retry}, {@link CircuitBreaker} and {@link RateLimit}, so
 * each attempt gets the whole time again, and outside {@link Bulkhead}, so time spent waiting for a bulkhead
 * permit counts.
 *
 * <p>A duration that does not parse, or is zero, is a compile error.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Timeout {

  /** The time one attempt may take, such as {@code "1s"}. More than zero. */
  String value() default "1s";
}
