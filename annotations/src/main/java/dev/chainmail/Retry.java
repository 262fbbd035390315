package dev.chainmail;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Retries a failed call of a chain method.
 *
 * <p>The Chainmail annotation processor writes a proxy, {@code ResilientX} for a chain type {@code X}, whose
 * override of each guarded method calls the original in a loop. Every call has its own attempt count, so one
 * proxy may be shared across threads.
 *
 * <h2>Where it goes</h2>
 * On a method, it guards that method. On a type, it guards every public method that the proxy can override and
 * that has no {@code @Retry} of its own: for a class, its public non-final, non-static methods declared in that
 * class; for an interface, its abstract methods. A method-level {@code @Retry} replaces the type-level one whole;
 * attributes are not merged.
 *
 * <h2>What happens on a failure</h2>
 * <ol>
 *   <li>A failure that is an instance of an {@link #abortOn} class, or of no {@link #retryOn} class, propagates
 *       at once.</li>
 *   <li>Once {@link #maxAttempts} attempts have been made, the last failure propagates.</li>
 *   <li>Otherwise the proxy pauses. The first pause is {@link #delay}; each later one is the previous one times
 *       {@link #multiplier}. Each pause is then varied at random by up to &plusmn;{@link #jitter} of itself, and
 *       finally capped at {@link #maxDelay}, so no pause ever exceeds {@code maxDelay}.</li>
 *   <li>If {@link #maxDuration} is set and the pause would end later than {@code maxDuration} after the first
 *       attempt began, the last failure propagates now instead.</li>
 *   <li>If the thread is interrupted before or during the pause, retrying stops at once: the interrupt flag stays
 *       set and the last failure propagates.</li>
 * </ol>
 * The failure that propagates is always the very instance the method threw, never wrapped, checked exceptions
 * included. A {@link Fallback} on the same method wraps the retry and sees that failure.
 *
 * <h2>Durations</h2>
 * Duration attributes are strings: a whole number followed by a unit, one of {@code ns}, {@code us}, {@code ms},
 * {@code s}, {@code m} and {@code h} (for example {@code "250ms"} or {@code "2s"}), or an ISO-8601 duration such as
 * {@code "PT1.5S"}. A duration that does not parse, or is negative, is a compile error.
 *
 * <h2>Compile errors</h2>
 * {@code maxAttempts < 1}, {@code multiplier < 1}, {@code jitter} outside {@code [0, 1]}, {@code maxDelay} shorter
 * than {@code delay}, a {@code retryOn} class that equals or extends an {@code abortOn} class, a negative
 * {@code budget}, a {@code name} without a budget or shared by budgets that differ, a {@code retryOnResult} or
 * {@code delayFrom} method that is missing, private or of the wrong signature, and a guarded method
 * that the proxy cannot override (private, static or final, or in a final class, an enum, a record or a type with
 * no accessible constructor).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Retry {

  /** Total attempts, the first call included; {@code 1} means no retry. At least {@code 1}. */
  int maxAttempts() default 3;

  /** The pause before the second attempt, such as {@code "200ms"}. Zero by default. */
  String delay() default "0ms";

  /**
   * The factor from one pause to the next: {@code 1.0} keeps the pause fixed, more than that makes it grow
   * exponentially. At least {@code 1.0}.
   */
  double multiplier() default 1.0;

  /** The cap on any single pause, jitter included; empty for no cap. Not shorter than {@link #delay}. */
  String maxDelay() default "";

  /**
   * The fraction, in {@code [0, 1]}, by which each pause is varied at random: a pause {@code p} becomes a value
   * drawn uniformly from {@code [p(1 - jitter), p(1 + jitter)]} before the {@link #maxDelay} cap applies.
   */
  double jitter() default 0;

  /**
   * The time after which no new attempt starts, measured from the start of the first attempt; empty for no limit.
   * A pause that would end at or after this point is not taken: the last failure propagates instead.
   */
  String maxDuration() default "";

  /**
   * The failures that are retried: those that are an instance of one of these classes. {@link Error}s are not
   * retried by default.
   */
  Class<? extends Throwable>[] retryOn() default {Exception.class};

  /** The failures that are never retried, even when {@link #retryOn} matches them. Empty by default. */
  Class<? extends Throwable>[] abortOn() default {};

  /**
   * The name of a method of the chain that tests each attempt's result, empty for none: it takes one parameter
   * to which the guarded method's return type is assignable, returns {@code boolean}, and throws no checked
   * exception. When it returns {@code true}, the result is rejected: the attempt counts as failed, and the next
   * one follows after the usual pause, within {@link #maxAttempts}, {@link #maxDuration} and {@link #budget}. Once
   * retrying stops, the last result is returned as it is. It may be an instance method (of the class, or a default
   * method of the interface, called on the chain itself) or a static one. A rejected result is the retry's business
   * only: guards beneath it, such as a circuit breaker, saw a success.
   */
  String retryOnResult() default "";

  /**
   * The name of a method of the chain that reads, from a failure, how long to wait before the next attempt, empty
   * for none: it takes one parameter of a {@link Throwable} type, returns {@code java.time.Duration} (null for no
   * hint), and throws no checked exception. It is called for failures of its parameter's type that are retried.
   * Without it, a failure that implements {@code dev.chainmail.runtime.RetryAfter} gives the hint itself. A hint
   * lengthens the computed pause, never shortens it, and {@link #maxDelay} still caps it.
   */
  String delayFrom() default "";

  /**
   * The most extra load retries may add, as a fraction of the calls: over any sliding window of 10 seconds, the
   * retries of this method (or of every method whose {@code @Retry} shares its {@link #name}) are at most
   * {@code budget} times its calls, plus 10. A retry past the budget is not made: the failure propagates at once.
   * At least {@code 0}; the default, infinity, sets no budget. A budget costs every call one clock reading and one
   * atomic update.
   */
  double budget() default Double.POSITIVE_INFINITY;

  /**
   * The name under which methods share one retry {@link #budget}, within one {@code ChainmailContext}; empty by
   * default, for a budget of this method alone. Methods that share a name must have the same budget.
   */
  String name() default "";
}
