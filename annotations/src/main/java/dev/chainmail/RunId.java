package dev.chainmail;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the {@code String} parameter that identifies a durable run, which makes its method the run's entry. The
 * proxy opens the run for the duration of the call; calling the entry again with the same run id resumes an
 * unfinished run, or returns the recorded result of a finished one without executing anything.
 *
 * <p>A chain with an entry needs a {@code ChainmailContext} with a checkpoint store. At most one parameter of a
 * method may carry it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface RunId {}
