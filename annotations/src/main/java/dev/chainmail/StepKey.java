package dev.chainmail;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names an occurrence of a {@link Checkpoint} step in its run, in place of the count of its earlier calls: a
 * {@code String}, {@code int} or {@code long} parameter whose value is the same on every replay. Steps sent to an
 * executor in parallel need one, since the order in which they start depends on timing.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface StepKey {}
