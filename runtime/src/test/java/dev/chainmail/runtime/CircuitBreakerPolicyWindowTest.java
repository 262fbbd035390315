package dev.chainmail.runtime;

import static dev.chainmail.runtime.CircuitBreakerPolicy.State.CLOSED;
import static dev.chainmail.runtime.CircuitBreakerPolicy.State.HALF_OPEN;
import static dev.chainmail.runtime.CircuitBreakerPolicy.State.OPEN;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chainmail.runtime.CircuitBreakerPolicy.WindowType;
import org.junit.jupiter.api.Test;

/** Time windows and slow calls. */
class CircuitBreakerPolicyWindowTest {

  private static final String METHOD = "com.example.Chain/answer";
  private static final long MS = 1_000_000L;
  private static final long S = 1_000_000_000L;

  private final VirtualTime time = new VirtualTime();
  private final ChainmailContext context = ChainmailContext.builder().clock(time).sleeper(time).build();

  private CircuitBreakerPolicy timeWindow(int seconds, int minimumCalls) {
    return CircuitBreakerPolicy.builder(METHOD).windowType(WindowType.TIME).requestVolumeThreshold(seconds)
        .minimumCalls(minimumCalls).failureRatio(0.5).build(context);
  }

  private static void fail(CircuitBreakerPolicy breaker, int calls) {
    for (int i = 0; i < calls; i++) {
      breaker.onFailure(breaker.acquire());
    }
  }

  private static void succeed(CircuitBreakerPolicy breaker, int calls) {
    for (int i = 0; i < calls; i++) {
      breaker.onSuccess(breaker.acquire());
    }
  }

  /** Makes one call that succeeds after taking {@code nanos}. */
  private void call(CircuitBreakerPolicy breaker, long nanos) {
    long permit = breaker.acquire();
    long start = breaker.startNanos();
    time.advance(nanos);
    breaker.onSuccess(permit, start);
  }

  @Test
  void timeWindowJudgesFromMinimumCalls() {
    CircuitBreakerPolicy breaker = timeWindow(10, 4);
    fail(breaker, 3);
    assertEquals(CLOSED, breaker.state());
    fail(breaker, 1);
    assertEquals(OPEN, breaker.state());
  }

  @Test
  void timeWindowJudgesEachCallOnceItHoldsMinimumCalls() {
    CircuitBreakerPolicy breaker = timeWindow(10, 4);
    succeed(breaker, 10);
    fail(breaker, 9);
    assertEquals(CLOSED, breaker.state(), "9 of 19");
    fail(breaker, 1);
    assertEquals(OPEN, breaker.state(), "10 of 20");
  }

  @Test
  void aCallRecordedInSecondZeroLeavesWhenSecondTenBegins() {
    CircuitBreakerPolicy breaker = timeWindow(10, 4);
    time.advance(500 * MS);
    fail(breaker, 3);
    time.advance(9_500 * MS);
    fail(breaker, 1);
    assertEquals(CLOSED, breaker.state(), "at 10s the three failures of second 0 are gone");
    fail(breaker, 3);
    assertEquals(OPEN, breaker.state());
  }

  @Test
  void aCallRecordedInSecondZeroIsStillInTheWindowInSecondNine() {
    CircuitBreakerPolicy breaker = timeWindow(10, 4);
    time.advance(500 * MS);
    fail(breaker, 3);
    time.advance(9_499 * MS);
    fail(breaker, 1);
    assertEquals(OPEN, breaker.state());
  }

  @Test
  void aLongSilenceEmptiesTheTimeWindow() {
    CircuitBreakerPolicy breaker = timeWindow(3, 2);
    fail(breaker, 1);
    time.advance(3_600 * S);
    succeed(breaker, 1);
    assertEquals(CLOSED, breaker.state(), "had the failure stayed, 1 failure of 2 calls would have opened");
    fail(breaker, 1);
    assertEquals(OPEN, breaker.state(), "1 failure of 2 calls in the last 3 seconds");
  }

  @Test
  void slowSuccessesCountAsFailures() {
    CircuitBreakerPolicy breaker = CircuitBreakerPolicy.builder(METHOD).requestVolumeThreshold(4).failureRatio(0.5)
        .slowCallThreshold("1s").build(context);
    call(breaker, 2 * S);
    call(breaker, S);
    call(breaker, 10 * MS);
    assertEquals(CLOSED, breaker.state(), "a call of exactly the threshold is not slow");
    call(breaker, S + 1);
    assertEquals(OPEN, breaker.state(), "2 slow of 4");
  }

  @Test
  void slowCallRatioOpensOnItsOwn() {
    CircuitBreakerPolicy breaker = CircuitBreakerPolicy.builder(METHOD).requestVolumeThreshold(4).failureRatio(1.0)
        .slowCallThreshold("1s").slowCallRatio(0.25).build(context);
    call(breaker, 0);
    call(breaker, 0);
    call(breaker, 0);
    assertEquals(CLOSED, breaker.state());
    call(breaker, 2 * S);
    assertEquals(OPEN, breaker.state(), "1 slow of 4 reaches 0.25, while 1 failure of 4 is below 1.0");
  }

  @Test
  void aSlowTrialReopens() {
    CircuitBreakerPolicy breaker = CircuitBreakerPolicy.builder(METHOD).requestVolumeThreshold(1)
        .slowCallThreshold("1s").delay("5s").build(context);
    fail(breaker, 1);
    time.advance(5 * S);
    call(breaker, 2 * S);
    assertEquals(OPEN, breaker.state());
    time.advance(5 * S);
    call(breaker, S);
    assertEquals(CLOSED, breaker.state());
  }

  @Test
  void withoutAThresholdTheTimedFormIsAPlainSuccess() {
    CircuitBreakerPolicy breaker = CircuitBreakerPolicy.builder(METHOD).requestVolumeThreshold(2).build(context);
    call(breaker, 3_600 * S);
    call(breaker, 3_600 * S);
    assertEquals(CLOSED, breaker.state());
  }

  @Test
  void aWindowFullOfFastSuccessesStillSeesASlowOne() {
    CircuitBreakerPolicy breaker = CircuitBreakerPolicy.builder(METHOD).requestVolumeThreshold(2).failureRatio(0.5)
        .slowCallThreshold("1s").build(context);
    for (int i = 0; i < 10; i++) {
      call(breaker, 0);
    }
    call(breaker, 2 * S);
    assertEquals(OPEN, breaker.state());
  }

  @Test
  void timeWindowHalfOpensAfterTheDelay() {
    CircuitBreakerPolicy breaker = timeWindow(10, 1);
    fail(breaker, 1);
    assertEquals(OPEN, breaker.state());
    time.advance(5 * S);
    long trial = breaker.acquire();
    assertEquals(HALF_OPEN, breaker.state());
    breaker.onSuccess(trial);
    assertEquals(CLOSED, breaker.state());
    succeed(breaker, 1);
    assertEquals(CLOSED, breaker.state());
  }
}
