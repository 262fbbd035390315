package dev.chainmail;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the health probe of a {@link Replicated} interface chain: a method with no parameters that returns
 * {@code boolean} or {@code void}. The proxy calls it on every replica {@link #every} so often, on the runtime's
 * scheduler and never on a caller's thread. A probe fails if it returns {@code false} or throws.
 *
 * <p>Probes count with calls toward {@link Replicated#ejectAfter}: a healthy replica that fails that many probes in
 * a row is ejected, and an ejected replica is re-admitted as soon as a probe succeeds. Called directly, the method
 * goes to the primary replica, like any method without {@code @Replicated}.
 *
 * <p>Compile errors: a heartbeat with parameters or another return type, two heartbeats in one chain, a heartbeat on
 * a chain without {@code @Replicated}, a heartbeat method that is itself {@code @Replicated}, and an {@code every}
 * that does not parse or is zero.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Heartbeat {

  /** How often every replica is probed, such as {@code "5s"}. */
  String every() default "5s";
}
