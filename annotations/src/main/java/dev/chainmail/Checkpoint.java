package dev.chainmail;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a chain method a durable step of a run: its result is recorded before the proxy returns it, and a resumed
 * run returns the recorded result instead of executing the step again.
 *
 * <p>A run is opened by a method with a {@link RunId} parameter, the run's entry, for the duration of its call;
 * the steps it calls through {@code this}, on its thread or through {@code Checkpoints.propagating(executor)}, are
 * recorded under that run. A step called outside any run behaves as if it had no {@code @Checkpoint}.
 *
 * <p>A step is identified by its run, its {@link #name}, and how many times that name was called before in the
 * run (or its {@link StepKey} parameter). After a crash, a step whose record was committed is never executed again
 * in that run, and a step that was running is executed again, at least once: effects outside the store need
 * idempotent steps, or {@link #atMostOnce}.
 *
 * <p>{@code @Checkpoint} sits outermost, above {@link Fallback}: a recorded step returns at once, and what is
 * recorded is whatever the step's other guards produced. It goes on methods of class chains only, since an
 * interface proxy cannot see its delegate's calls to itself.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Checkpoint {

  /** The step's name in the store; the method's name by default. Fix it so that records survive a rename. */
  String name() default "";

  /** What a resumed run does when the step's arguments differ from those recorded. */
  OnMismatch onMismatch() default OnMismatch.FAIL;

  /**
   * Records a STARTED marker before executing the step, so that a resumed run that finds the marker without a
   * result raises {@code CheckpointInDoubtException} instead of executing the step a second time.
   */
  boolean atMostOnce() default false;

  /**
   * A class implementing {@code dev.chainmail.runtime.checkpoint.Codec} for the step's result type, with a public
   * no-argument constructor; {@code void.class}, the default, lets the processor generate the codec, which it can
   * for types built from strings, primitives and their boxes, {@code byte[]}, enums, records, {@code List},
   * {@code Set}, {@code Map} and {@code Optional}. A codec given here serves its type everywhere in the chain.
   */
  Class<?> codec() default void.class;

  /** What a resumed run does when a step's arguments do not match its record. */
  enum OnMismatch {
    /** Fail the call with {@code CheckpointMismatchException}, recording nothing and leaving the run as it was. */
    FAIL,
    /** Execute the step again, and discard every later record of the run, computed from the old value. */
    RERUN
  }
}
