package dev.chainmail.runtime;

import static dev.chainmail.runtime.CircuitBreakerPolicy.State.CLOSED;
import static dev.chainmail.runtime.CircuitBreakerPolicy.State.FORCED_CLOSED;
import static dev.chainmail.runtime.CircuitBreakerPolicy.State.FORCED_OPEN;
import static dev.chainmail.runtime.CircuitBreakerPolicy.State.HALF_OPEN;
import static dev.chainmail.runtime.CircuitBreakerPolicy.State.OPEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CircuitBreakerPolicyStateTest {

  private static final String METHOD = "com.example.Chain/answer";
  private static final long MS = 1_000_000L;
  private static final long S = 1_000_000_000L;

  private final VirtualTime time = new VirtualTime();
  private final RecordingListener listener = new RecordingListener(time);
  private final ChainmailContext context =
      ChainmailContext.builder().clock(time).sleeper(time).listener(listener).build();

  private CircuitBreakerPolicy breaker(int window, double ratio) {
    return CircuitBreakerPolicy.builder(METHOD).requestVolumeThreshold(window).failureRatio(ratio).delay("5s")
        .build(context);
  }

  private static void succeed(CircuitBreakerPolicy breaker, int calls) {
    for (int i = 0; i < calls; i++) {
      breaker.onSuccess(breaker.acquire());
    }
  }

  private static void fail(CircuitBreakerPolicy breaker, int calls) {
    for (int i = 0; i < calls; i++) {
      breaker.onFailure(breaker.acquire());
    }
  }

  private static CircuitBreakerOpenException rejected(CircuitBreakerPolicy breaker) {
    return assertThrows(CircuitBreakerOpenException.class, breaker::acquire);
  }

  /** Opens a breaker with a window of 4 and ratio 0.5, and moves past its delay. */
  private CircuitBreakerPolicy halfOpenable(int successThreshold) {
    CircuitBreakerPolicy breaker = CircuitBreakerPolicy.builder(METHOD).requestVolumeThreshold(4).delay("5s")
        .successThreshold(successThreshold).build(context);
    fail(breaker, 4);
    assertEquals(OPEN, breaker.state());
    time.advance(5 * S);
    return breaker;
  }

  @Test
  void anAsynchronousCallCancelledFromAboveRecordsNothingAndGivesItsTrialBack() {
    CircuitBreakerPolicy closed = breaker(4, 0.5);
    for (int i = 0; i < 8; i++) {
      closed.async(CompletableFuture::new, failure -> true).cancel(true);
    }
    assertEquals(CLOSED, closed.state(), "calls called off say nothing of the target's health");

    CircuitBreakerPolicy breaker = halfOpenable(1);
    breaker.async(CompletableFuture::new, failure -> true).cancel(true);
    assertEquals(HALF_OPEN, breaker.state());
    CompletableFuture<String> trial = new CompletableFuture<>();
    CompletableFuture<String> admitted = breaker.async(() -> trial, failure -> true);
    trial.complete("ok");
    assertEquals("ok", admitted.join());
    assertEquals(CLOSED, breaker.state(), "the abandoned trial's place went to the next call");

    CircuitBreakerPolicy beneath = breaker(4, 0.5);
    for (int i = 0; i < 4; i++) {
      CompletableFuture<String> own = new CompletableFuture<>();
      CompletableFuture<String> call = beneath.async(() -> own, failure -> true);
      own.cancel(true);
      assertTrue(call.isCompletedExceptionally());
    }
    assertEquals(OPEN, beneath.state(), "a stage beneath that is cancelled on its own is a failure");
  }

  @Test
  void judgesNothingUntilTheWindowIsFull() {
    CircuitBreakerPolicy breaker = breaker(4, 0.5);
    fail(breaker, 3);
    assertEquals(CLOSED, breaker.state());
    breaker.onSuccess(breaker.acquire());
    assertEquals(OPEN, breaker.state());
  }

  @Test
  void opensAtTheRatioExactly() {
    CircuitBreakerPolicy breaker = breaker(10, 0.3);
    succeed(breaker, 7);
    fail(breaker, 2);
    breaker.onSuccess(breaker.acquire());
    assertEquals(CLOSED, breaker.state(), "2 of 10 is below 0.3");
    fail(breaker, 1);
    assertEquals(OPEN, breaker.state(), "3 of 10 is 0.3");
  }

  @Test
  void theWindowSlidesOverTheLastCalls() {
    CircuitBreakerPolicy breaker = breaker(4, 0.5);
    fail(breaker, 1);
    succeed(breaker, 4);
    assertEquals(CLOSED, breaker.state(), "the failure left the window");
    fail(breaker, 1);
    succeed(breaker, 1);
    assertEquals(CLOSED, breaker.state(), "1 of 4");
    fail(breaker, 1);
    assertEquals(OPEN, breaker.state(), "2 of 4");
  }

  @Test
  void aWindowOfSuccessesStillCountsTheNextFailures() {
    CircuitBreakerPolicy breaker = breaker(4, 0.5);
    succeed(breaker, 100);
    fail(breaker, 1);
    assertEquals(CLOSED, breaker.state());
    fail(breaker, 1);
    assertEquals(OPEN, breaker.state());
  }

  @Test
  void closedPathReadsNoClock() {
    AtomicInteger reads = new AtomicInteger();
    Clock counting = () -> {
      reads.incrementAndGet();
      return time.nanoTime();
    };
    CircuitBreakerPolicy breaker = CircuitBreakerPolicy.builder(METHOD).requestVolumeThreshold(4)
        .build(ChainmailContext.builder().clock(counting).build());
    succeed(breaker, 10);
    fail(breaker, 1);
    succeed(breaker, 10);
    assertEquals(0, reads.get());
    fail(breaker, 2);
    assertEquals(OPEN, breaker.state());
    assertEquals(1, reads.get(), "opening records when");
  }

  @Test
  void openRejectsForTheDelayThenAdmitsATrial() {
    CircuitBreakerPolicy breaker = breaker(4, 0.5);
    fail(breaker, 4);
    assertEquals("com.example.Chain/answer: circuit breaker is OPEN; calls are rejected for another 5.0s",
        rejected(breaker).getMessage());
    time.advance(1800 * MS);
    CircuitBreakerOpenException e = rejected(breaker);
    assertEquals("com.example.Chain/answer: circuit breaker is OPEN; calls are rejected for another 3.2s",
        e.getMessage());
    assertEquals(METHOD, e.method());
    assertNull(e.getCause());
    time.advance(3200 * MS - 1);
    assertEquals("com.example.Chain/answer: circuit breaker is OPEN; calls are rejected for another 1ns",
        rejected(breaker).getMessage());
    assertEquals(OPEN, breaker.state());
    time.advance(1);
    breaker.acquire();
    assertEquals(HALF_OPEN, breaker.state());
  }

  @Test
  void openMessageNamesANamedBreaker() {
    CircuitBreakerPolicy breaker = CircuitBreakerPolicy.builder(METHOD).name("llm").requestVolumeThreshold(1)
        .build(context);
    fail(breaker, 1);
    time.advance(4900 * MS);
    assertEquals("com.example.Chain/answer: circuit breaker 'llm' is OPEN; calls are rejected for another 100ms",
        rejected(breaker).getMessage());
  }

  @Test
  void halfOpenAdmitsExactlyTheTrialsAndRejectsTheRest() {
    CircuitBreakerPolicy breaker = halfOpenable(3);
    long first = breaker.acquire();
    long second = breaker.acquire();
    long third = breaker.acquire();
    assertEquals(HALF_OPEN, breaker.state());
    assertEquals("com.example.Chain/answer: circuit breaker is HALF_OPEN and its 3 trial calls are under way; "
        + "other calls are rejected until the trials end", rejected(breaker).getMessage());
    breaker.onSuccess(first);
    breaker.onSuccess(second);
    assertEquals(HALF_OPEN, breaker.state());
    rejected(breaker);
    breaker.onSuccess(third);
    assertEquals(CLOSED, breaker.state());
    succeed(breaker, 1);
  }

  @Test
  void halfOpenWithOneTrialSaysSo() {
    CircuitBreakerPolicy breaker = halfOpenable(1);
    long trial = breaker.acquire();
    assertEquals("com.example.Chain/answer: circuit breaker is HALF_OPEN and its 1 trial call is under way; "
        + "other calls are rejected until the trials end", rejected(breaker).getMessage());
    breaker.onSuccess(trial);
    assertEquals(CLOSED, breaker.state());
  }

  @Test
  void anyTrialFailureReopensForAFreshDelay() {
    CircuitBreakerPolicy breaker = halfOpenable(2);
    long first = breaker.acquire();
    long second = breaker.acquire();
    breaker.onSuccess(first);
    time.advance(S);
    breaker.onFailure(second);
    assertEquals(OPEN, breaker.state());
    assertEquals("com.example.Chain/answer: circuit breaker is OPEN; calls are rejected for another 5.0s",
        rejected(breaker).getMessage());
    time.advance(5 * S);
    breaker.acquire();
    assertEquals(HALF_OPEN, breaker.state());
  }

  @Test
  void theFirstTrialFailingReopensAndLaterTrialResultsAreIgnored() {
    CircuitBreakerPolicy breaker = halfOpenable(2);
    long first = breaker.acquire();
    long second = breaker.acquire();
    breaker.onFailure(first);
    assertEquals(OPEN, breaker.state());
    breaker.onSuccess(second);
    assertEquals(OPEN, breaker.state());
  }

  @Test
  void resultsOfCallsAdmittedInAnEarlierStateAreIgnored() {
    CircuitBreakerPolicy breaker = breaker(2, 0.5);
    long old = breaker.acquire();
    long older = breaker.acquire();
    fail(breaker, 2);
    assertEquals(OPEN, breaker.state());
    time.advance(5 * S);
    long trial = breaker.acquire();
    breaker.onFailure(old);
    assertEquals(HALF_OPEN, breaker.state(), "a failure from the closed state does not reopen");
    breaker.onSuccess(older);
    assertEquals(HALF_OPEN, breaker.state(), "a success from the closed state is not a trial");
    breaker.onSuccess(trial);
    assertEquals(CLOSED, breaker.state());
    breaker.onFailure(trial);
    breaker.onFailure(old);
    assertEquals(CLOSED, breaker.state());
    fail(breaker, 1);
    assertEquals(CLOSED, breaker.state(), "stale failures did not enter the new window");
  }

  @Test
  void theWindowIsEmptiedWhenTheBreakerCloses() {
    CircuitBreakerPolicy breaker = halfOpenable(1);
    breaker.onSuccess(breaker.acquire());
    assertEquals(CLOSED, breaker.state());
    fail(breaker, 3);
    assertEquals(CLOSED, breaker.state(), "a fresh window of 4 judges nothing after 3 calls");
    fail(breaker, 1);
    assertEquals(OPEN, breaker.state());
  }

  @Test
  void theWindowIsEmptiedByReset() {
    CircuitBreakerPolicy breaker = breaker(4, 0.5);
    fail(breaker, 3);
    breaker.reset();
    fail(breaker, 3);
    assertEquals(CLOSED, breaker.state());
  }

  @Test
  void theWindowIsEmptiedByForcing() {
    CircuitBreakerPolicy breaker = breaker(4, 0.5);
    fail(breaker, 3);
    breaker.forceClosed();
    breaker.forceOpen();
    breaker.forceClosed();
    fail(breaker, 10);
    breaker.reset();
    fail(breaker, 3);
    assertEquals(CLOSED, breaker.state());
  }

  @Test
  void forceOpenRejectsEverythingUntilClosedOrReset() {
    CircuitBreakerPolicy breaker = breaker(4, 0.5);
    long before = breaker.acquire();
    breaker.forceOpen();
    assertEquals(FORCED_OPEN, breaker.state());
    breaker.onSuccess(before);
    time.advance(3_600 * S);
    assertEquals("com.example.Chain/answer: circuit breaker is FORCED_OPEN; calls are rejected until it is closed "
        + "or reset", rejected(breaker).getMessage());
    breaker.reset();
    assertEquals(CLOSED, breaker.state());
    succeed(breaker, 1);
  }

  @Test
  void forceClosedAdmitsEverythingAndNeverOpens() {
    CircuitBreakerPolicy breaker = breaker(4, 0.5);
    fail(breaker, 4);
    assertEquals(OPEN, breaker.state());
    breaker.forceClosed();
    assertEquals(FORCED_CLOSED, breaker.state());
    fail(breaker, 100);
    assertEquals(FORCED_CLOSED, breaker.state());
    breaker.forceOpen();
    rejected(breaker);
    breaker.forceClosed();
    breaker.reset();
    fail(breaker, 4);
    assertEquals(OPEN, breaker.state());
  }

  @Test
  void listenerHearsEveryTransitionOnce() {
    CircuitBreakerPolicy breaker = halfOpenable(1);
    breaker.onFailure(breaker.acquire());
    time.advance(5 * S);
    breaker.onSuccess(breaker.acquire());
    succeed(breaker, 10);
    breaker.forceOpen();
    breaker.forceOpen();
    breaker.forceClosed();
    breaker.reset();
    breaker.reset();
    assertEquals(List.of(
        METHOD + ": CLOSED -> OPEN",
        METHOD + ": OPEN -> HALF_OPEN",
        METHOD + ": HALF_OPEN -> OPEN",
        METHOD + ": OPEN -> HALF_OPEN",
        METHOD + ": HALF_OPEN -> CLOSED",
        METHOD + ": CLOSED -> FORCED_OPEN",
        METHOD + ": FORCED_OPEN -> FORCED_CLOSED",
        METHOD + ": FORCED_CLOSED -> CLOSED"), listener.transitions());
  }

  @Test
  void listenerHearsTheNameOfANamedBreaker() {
    CircuitBreakerPolicy breaker = CircuitBreakerPolicy.builder(METHOD).name("llm").requestVolumeThreshold(1)
        .build(context);
    fail(breaker, 1);
    assertEquals(List.of("llm: CLOSED -> OPEN"), listener.transitions());
  }

  @Test
  void theListenerIsCalledOutsideTheLock() {
    AtomicInteger heard = new AtomicInteger();
    CircuitBreakerPolicy[] holder = new CircuitBreakerPolicy[1];
    ChainmailListener reentrant = new ChainmailListener() {
      @Override
      public void onStateChange(String breaker, CircuitBreakerPolicy.State from, CircuitBreakerPolicy.State to) {
        heard.incrementAndGet();
        Thread other = new Thread(() -> holder[0].state());
        other.start();
        try {
          other.join(5_000);
          holder[0].reset();
        } catch (InterruptedException e) {
          throw new AssertionError(e);
        }
      }
    };
    holder[0] = CircuitBreakerPolicy.builder(METHOD).requestVolumeThreshold(1)
        .build(ChainmailContext.builder().clock(time).listener(reentrant).build());
    holder[0].onFailure(holder[0].acquire());
    assertEquals(CLOSED, holder[0].state(), "the listener reset the breaker from inside the callback");
    assertEquals(2, heard.get());
  }
}
