package dev.chainmail.benchmarks;

import dev.chainmail.benchmarks.chains.FailingChain;
import dev.chainmail.benchmarks.chains.GatedChain;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntSupplier;

/**
 * Checks, before any measurement, that an implementation computes what the direct call computes, makes the
 * attempts it should, and that its guards act: a breaker opens, a bulkhead fills, a timeout fires, a limiter
 * rejects. A broken proxy, or a peer configured to do nothing, then fails the run instead of producing a
 * fast-looking number. The guard checks run on probes: separate instances with the measured configuration (or, for
 * timeouts and rate limits, a shorter one) around the probe chains of {@code chains/}, so that the measured
 * instances stay in their success state.
 */
final class Sanity {

  private Sanity() {}

  /**
   * @param scenario the scenario, for the message
   * @param implementation the implementation, for the message
   * @param expected what the direct call returned
   * @param actual what the implementation returned
   * @throws IllegalStateException if they differ
   */
  static void sameResult(String scenario, String implementation, int expected, int actual) {
    if (expected != actual) {
      throw new IllegalStateException(scenario + "/" + implementation + " returned " + actual + ", but the direct "
          + "call returned " + expected + ": the implementation is broken, so its numbers would mean nothing");
    }
  }

  /**
   * @param scenario the scenario, for the message
   * @param implementation the implementation, for the message
   * @param expected how many times one guarded call should have run the chain method
   * @param actual how many times it did
   * @throws IllegalStateException if they differ
   */
  static void attempts(String scenario, String implementation, int expected, int actual) {
    if (expected != actual) {
      throw new IllegalStateException(scenario + "/" + implementation + " ran the chain method " + actual
          + " times for one guarded call, expected " + expected + ": it does not retry as configured");
    }
  }

  /**
   * Makes three guarded calls through one implementation and checks each: its answer, and how many times it ran
   * the chain method.
   *
   * @param scenario the scenario, for the message
   * @param implementation the implementation, for the message
   * @param call one guarded call
   * @param expected what each call should return
   * @param chainCalls how many times the chain method has run so far: the target's call counter
   * @param attempts how many times each guarded call should run the chain method
   * @throws IllegalStateException if an answer or a number of attempts is wrong
   */
  static void retries(String scenario, String implementation, IntSupplier call, int expected, IntSupplier chainCalls,
      int attempts) {
    for (int i = 0; i < 3; i++) {
      int before = chainCalls.getAsInt();
      sameResult(scenario, implementation, expected, call.getAsInt());
      attempts(scenario, implementation, attempts, chainCalls.getAsInt() - before);
    }
  }

  /**
   * Calls a circuit breaker around an always-failing chain until it rejects a call without running the chain
   * method: it must do so within {@code window + 1} calls, each of which must throw.
   *
   * @param scenario the scenario, for the message
   * @param implementation the implementation, for the message
   * @param call one guarded call of {@code target}
   * @param target the failing chain, whose counter tells whether a call reached it
   * @param window the breaker's window, in calls
   * @throws IllegalStateException if a call returns, or if the breaker never rejects
   */
  static void opensAfterFailures(String scenario, String implementation, IntSupplier call, FailingChain target,
      int window) {
    for (int i = 0; i <= window; i++) {
      int before = target.calls();
      int answer;
      try {
        answer = call.getAsInt();
      } catch (RuntimeException expected) {
        if (target.calls() == before) {
          return;
        }
        continue;
      }
      throw new IllegalStateException(scenario + "/" + implementation + " returned " + answer
          + " from a chain method that always throws");
    }
    throw new IllegalStateException(scenario + "/" + implementation + " still ran the chain method after " + window
        + " failed calls: its circuit breaker does not open");
  }

  /**
   * Calls a fallback, retry and circuit breaker around an always-failing chain: the first call must make
   * {@code attempts} attempts, every call must answer with the fallback, and within {@code window + 1} calls one
   * must answer without running the chain method, because the breaker opened.
   *
   * @param scenario the scenario, for the message
   * @param implementation the implementation, for the message
   * @param call one guarded call of {@code target}
   * @param target the failing chain, whose counter tells how many attempts reached it
   * @param expected what the fallback answers
   * @param attempts how many attempts a call makes while the breaker is closed
   * @param window the breaker's window, in attempts
   * @throws IllegalStateException if an answer or the first call's attempts are wrong, or the breaker never opens
   */
  static void opensBehindFallback(String scenario, String implementation, IntSupplier call, FailingChain target,
      int expected, int attempts, int window) {
    int before = target.calls();
    sameResult(scenario, implementation, expected, call.getAsInt());
    attempts(scenario, implementation, attempts, target.calls() - before);
    for (int i = 0; i < window; i++) {
      before = target.calls();
      sameResult(scenario, implementation, expected, call.getAsInt());
      if (target.calls() == before) {
        return;
      }
    }
    throw new IllegalStateException(scenario + "/" + implementation + " still ran the chain method after "
        + target.calls() + " failed attempts: its circuit breaker does not open");
  }

  /**
   * Fills a bulkhead with calls held at a gate by {@code maxConcurrent} threads, then checks that one more call
   * is rejected at once without reaching the chain method, and that the held calls complete once the gate opens.
   *
   * @param scenario the scenario, for the message
   * @param implementation the implementation, for the message
   * @param call one guarded call of {@code target}
   * @param target the gated chain
   * @param expected what a call that passes the gate returns
   * @param maxConcurrent the bulkhead's limit
   * @throws IllegalStateException if the extra call is not rejected, or a held call fails
   */
  static void rejectsWhenFull(String scenario, String implementation, IntSupplier call, GatedChain target,
      int expected, int maxConcurrent) {
    String name = scenario + "/" + implementation;
    AtomicReferenceArray<Object> outcomes = new AtomicReferenceArray<>(maxConcurrent);
    Thread[] holders = new Thread[maxConcurrent];
    for (int i = 0; i < maxConcurrent; i++) {
      int slot = i;
      holders[i] = new Thread(() -> {
        try {
          outcomes.set(slot, call.getAsInt());
        } catch (RuntimeException e) {
          outcomes.set(slot, e);
        }
      }, "bulkhead-probe-" + i);
      holders[i].start();
    }
    try {
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (target.entered() < maxConcurrent) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(name + " let only " + target.entered() + " of " + maxConcurrent
              + " calls in at once: its bulkhead admits too few");
        }
        Thread.sleep(1);
      }
      boolean rejected;
      try {
        call.getAsInt();
        rejected = false;
      } catch (RuntimeException e) {
        rejected = target.entered() == maxConcurrent;
      }
      target.open();
      for (Thread holder : holders) {
        holder.join();
      }
      if (!rejected) {
        throw new IllegalStateException(name + " let call " + (maxConcurrent + 1) + " in while " + maxConcurrent
            + " were running: its bulkhead does not reject when full");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(name + ": interrupted while checking the bulkhead", e);
    } finally {
      target.open();
    }
    for (int i = 0; i < maxConcurrent; i++) {
      if (!Integer.valueOf(expected).equals(outcomes.get(i))) {
        throw new IllegalStateException(name + ": a call the bulkhead admitted ended with " + outcomes.get(i)
            + " instead of " + expected);
      }
    }
  }

  /**
   * Makes one guarded call of a chain method that outlasts the timeout, and checks that it throws. Clears the
   * interrupt flag afterwards, should a peer have left it set.
   *
   * @param scenario the scenario, for the message
   * @param implementation the implementation, for the message
   * @param call one guarded call of a slow chain
   * @throws IllegalStateException if the call returns
   */
  static void timesOut(String scenario, String implementation, IntSupplier call) {
    boolean fired;
    try {
      call.getAsInt();
      fired = false;
    } catch (RuntimeException expected) {
      fired = true;
    }
    Thread.interrupted();
    if (!fired) {
      throw new IllegalStateException(scenario + "/" + implementation + " returned from a call that outlasted its "
          + "timeout: the timeout does not fire");
    }
  }

  /**
   * Makes {@code limit + 1} guarded calls at once: the first {@code limit} must return {@code expected}, and the
   * last must throw without running the chain method.
   *
   * @param scenario the scenario, for the message
   * @param implementation the implementation, for the message
   * @param call one guarded call
   * @param chainCalls how many times the chain method has run so far
   * @param expected what an admitted call returns
   * @param limit the calls the limiter admits in its window
   * @throws IllegalStateException if an admitted call answers wrongly, or the extra call is not rejected
   */
  static void rejectsPastLimit(String scenario, String implementation, IntSupplier call, IntSupplier chainCalls,
      int expected, int limit) {
    for (int i = 0; i < limit; i++) {
      sameResult(scenario, implementation, expected, call.getAsInt());
    }
    int before = chainCalls.getAsInt();
    try {
      call.getAsInt();
    } catch (RuntimeException expectedRejection) {
      if (chainCalls.getAsInt() == before) {
        return;
      }
    }
    throw new IllegalStateException(scenario + "/" + implementation + " ran call " + (limit + 1) + " of a limit of "
        + limit + " per window: its rate limiter does not reject");
  }
}
