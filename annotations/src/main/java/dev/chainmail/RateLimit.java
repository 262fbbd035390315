package dev.chainmail;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Bounds how often a chain method is called: at most {@link #value} calls in any interval of length
 * {@link #window}, strictly. Unlike windows aligned to the clock, or a token bucket with a burst, no interval of
 * that length ever holds more, wherever it starts.
 *
 * <p>When the limit is reached, a caller waits for the next free permit if it comes within {@link #maxWait}, and
 * otherwise gets {@code dev.chainmail.runtime.RateLimitedException} without the method being called. The usual
 * case is one limit, shared by {@link #name}, for every method that calls one provider.
 *
 * <p>On a method, or on a type, where it covers the same methods as a type-level {@link Retry} that have no
 * {@code @RateLimit} of their own. It sits inside {@link CircuitBreaker} and outside {@link Timeout}, so every
 * retry attempt takes a permit.
 *
 * <p>{@code value < 1}, a {@code window} that is zero or does not parse, a {@code maxWait} that does not parse,
 * and two limits of one name with different configurations are compile errors.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RateLimit {

  /** The permits granted in any interval of length {@link #window}. At least {@code 1}. */
  int value();

  /** The length of the interval, such as {@code "1s"} or {@code "1m"}. More than zero. */
  String window() default "1s";

  /** How long a caller may wait for a permit, such as {@code "500ms"}; zero by default: fail at once. */
  String maxWait() default "0ms";

  /**
   * Shares one limit between every method and proxy that uses this name within one {@code ChainmailContext}
   * (the default context is JVM-wide). Empty by default: the limit belongs to one method of one proxy.
   */
  String name() default "";
}
