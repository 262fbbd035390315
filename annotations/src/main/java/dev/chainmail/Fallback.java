package dev.chainmail;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Answers a failed call of a chain method with another method of the same chain type.
 *
 * <p>The fallback is the outermost guard here: it wraps {@link Retry} and every other guard on the method, and
 * runs once, only after everything beneath it has failed, that is after the retries are exhausted or aborted.
 * It runs only for a failure that is an instance of an {@link #applyOn} class and of no {@link #skipOn} class;
 * any other failure propagates unchanged. If the fallback method itself throws, that exception propagates.
 *
 * <h2>The fallback method</h2>
 * {@link #method} names a method of the chain type (declared or inherited, any access but private) that takes
 * exactly the guarded method's parameter types, optionally followed by one parameter of type {@link Throwable}
 * (or a supertype of every failure it can receive) that receives the failure. Its return type is assignable to the
 * guarded method's ({@code void} for a {@code void} method), and each checked exception it declares is one the
 * guarded method declares too.
 *
 * <h2>Compile errors</h2>
 * A fallback method that is missing, has other parameters, returns an incompatible type, throws an undeclared
 * checked exception, or is the guarded method itself; a name that matches both forms (with and without the
 * failure parameter), which is ambiguous; and a {@code skipOn} class that covers an {@code applyOn} class
 * entirely.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Fallback {

  /** The name of the fallback method, a method of the same chain type. */
  String method();

  /** The failures the fallback answers: instances of one of these classes. All of them by default. */
  Class<? extends Throwable>[] applyOn() default {Throwable.class};

  /** The failures the fallback never answers, even when {@link #applyOn} matches them. Empty by default. */
  Class<? extends Throwable>[] skipOn() default {};
}
