package dev.chainmail;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stops calling a failing dependency for a while, so that it can recover and callers fail fast.
 *
 * <p>A breaker is CLOSED at first and lets every call through, recording each outcome in a rolling window. When
 * the window is full and at least {@link #failureRatio} of its calls failed, it opens. An OPEN breaker rejects
 * every call at once with {@code dev.chainmail.runtime.CircuitBreakerOpenException}, without calling the method,
 * for {@link #delay}. Then it turns HALF_OPEN and lets {@link #successThreshold} trial calls through: if all of them
 * succeed it closes, and if any fails it opens again for another {@code delay}. Calls beyond the trials are rejected
 * as if it were open. A result from a call admitted in an earlier state is ignored, and the window is emptied on
 * every change of state.
 *
 * <h2>Where it goes</h2>
 * On a method, or on a type, where it covers the same methods as a type-level {@link Retry} that have no
 * {@code @CircuitBreaker} of their own. Each covered method gets a breaker of its own unless {@link #name} shares
 * one.
 *
 * <h2>Nesting</h2>
 * The breaker sits inside {@link Retry} and {@link Fallback} and outside {@link RateLimit}, {@link Timeout} and
 * {@link Bulkhead}: every retry attempt passes through it, and the rejections of the guards beneath it count as
 * failures unless {@link #skipOn} names them.
 *
 * <h2>Compile errors</h2>
 * {@code requestVolumeThreshold < 1}, {@code failureRatio} outside {@code (0, 1]}, a {@code delay} that does not
 * parse, {@code successThreshold < 1}, {@code minimumCalls < 1} or more than the window can hold, a
 * {@code slowCallThreshold} that is zero or does not parse, {@code slowCallRatio} outside {@code (0, 1]} or set
 * without a threshold, an empty {@code failOn}, a {@code failOn} class covered by {@code skipOn}, and two breakers
 * of one name with different configurations.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface CircuitBreaker {

  /**
   * The size of the rolling window: with {@link WindowType#COUNT}, the last this many calls; with
   * {@link WindowType#TIME}, the calls of the last this many seconds. At least {@code 1}.
   */
  int requestVolumeThreshold() default 20;

  /** The share of the window's calls, in {@code (0, 1]}, that must have failed for the breaker to open. */
  double failureRatio() default 0.5;

  /** How long the breaker stays open before it lets trial calls through, such as {@code "5s"}. */
  String delay() default "5s";

  /** The trial calls let through when half-open, all of which must succeed to close the breaker. At least 1. */
  int successThreshold() default 1;

  /** What the rolling window counts. */
  WindowType windowType() default WindowType.COUNT;

  /**
   * With {@link WindowType#TIME}, how many calls the window must hold before the breaker judges it. At least 1;
   * ignored with a count window, which judges once it is full.
   */
  int minimumCalls() default 20;

  /**
   * Calls slower than this count as failures toward opening, even when they succeed, such as {@code "2s"}; empty
   * for none. When set, the proxy reads the clock before and after each call.
   */
  String slowCallThreshold() default "";

  /**
   * The share of the window's calls, in {@code (0, 1]}, that must have been slower than
   * {@link #slowCallThreshold} for the breaker to open, whatever the failure ratio. Only with a threshold.
   */
  double slowCallRatio() default 1.0;

  /** The failures that count toward opening: those that are an instance of one of these classes. */
  Class<? extends Throwable>[] failOn() default {Throwable.class};

  /** The failures that count as successes, even when {@link #failOn} matches them. Empty by default. */
  Class<? extends Throwable>[] skipOn() default {};

  /**
   * Shares one breaker between every method and proxy that uses this name within one
   * {@code ChainmailContext} (the default context is JVM-wide). Empty by default: the breaker belongs to one
   * method of one proxy. Breakers of one name must have the same configuration.
   */
  String name() default "";

  /** What a breaker's rolling window counts. */
  enum WindowType {
    /** The last {@code requestVolumeThreshold} calls. */
    COUNT,
    /** The calls of the last {@code requestVolumeThreshold} seconds. */
    TIME
  }
}
