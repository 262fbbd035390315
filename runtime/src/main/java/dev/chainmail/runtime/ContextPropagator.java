package dev.chainmail.runtime;

import java.util.concurrent.Executor;

/**
 * Carries the caller's thread context, such as SLF4J's MDC or a tracing span, onto the threads that run the later
 * parts of an asynchronous call: a retry's next attempt, a call that waited for a rate-limit or bulkhead permit.
 *
 * <p>{@link #capture()} is called on the thread that calls the guarded method, or that starts the attempt, when the
 * part that runs later is set up. The executor it returns runs each later part synchronously, inside
 * {@code execute}, with the captured context installed, and restores the running thread's own context afterwards.
 * It may run several parts, one after another, such as every retry of one call. An MDC propagator:
 * <pre>{@code
 * ContextPropagator mdc = () -> {
 *   Map<String, String> captured = MDC.getCopyOfContextMap();
 *   return task -> {
 *     Map<String, String> own = MDC.getCopyOfContextMap();
 *     if (captured == null) MDC.clear(); else MDC.setContextMap(captured);
 *     try {
 *       task.run();
 *     } finally {
 *       if (own == null) MDC.clear(); else MDC.setContextMap(own);
 *     }
 *   };
 * };
 * ChainmailContext context = ChainmailContext.builder().contextPropagator(mdc).build();
 * }</pre>
 * Implementations must be thread-safe. A propagator that throws fails the call it was capturing for, or the part it
 * was to run.
 */
@FunctionalInterface
public interface ContextPropagator {

  /** Carries nothing: later parts run with whatever context their thread has. */
  ContextPropagator NONE = () -> Runnable::run;

  /**
   * Captures the calling thread's context.
   *
   * @return an executor that runs a task, synchronously, inside the captured context
   */
  Executor capture();
}
