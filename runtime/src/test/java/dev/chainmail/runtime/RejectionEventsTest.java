package dev.chainmail.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each guard tells the listener about a call it turns away, with the exception the caller then gets. */
class RejectionEventsTest {

  private static final String METHOD = "com.example.Chain/answer";
  private static final long S = 1_000_000_000L;

  /** Keeps each rejection heard, as "kind label", and the exceptions. */
  private static final class Rejections implements ChainmailListener {
    final List<String> heard = new ArrayList<>();
    final List<ResilienceException> thrown = new ArrayList<>();

    @Override
    public void onCallNotPermitted(String breaker, CircuitBreakerOpenException rejection) {
      add("not permitted " + breaker, rejection);
    }

    @Override
    public void onTimeout(String method, TimeoutExceededException timeout) {
      add("timeout " + method, timeout);
    }

    @Override
    public void onBulkheadFull(String bulkhead, BulkheadFullException rejection) {
      add("full " + bulkhead, rejection);
    }

    @Override
    public void onRateLimited(String limiter, RateLimitedException rejection) {
      add("limited " + limiter, rejection);
    }

    private void add(String event, ResilienceException rejection) {
      heard.add(event);
      thrown.add(rejection);
    }
  }

  private final VirtualTime time = new VirtualTime();
  private final Rejections rejections = new Rejections();
  private final ChainmailContext context = ChainmailContext.builder().clock(time).sleeper(time)
      .listener(rejections).build();

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  @Test
  void anOpenBreakerReportsEachCallItRejects() {
    CircuitBreakerPolicy breaker = CircuitBreakerPolicy.builder(METHOD).build(context);
    breaker.acquire();
    breaker.forceOpen();
    CircuitBreakerOpenException first = assertThrows(CircuitBreakerOpenException.class, breaker::acquire);
    assertThrows(CircuitBreakerOpenException.class, breaker::acquire);
    assertEquals(List.of("not permitted " + METHOD, "not permitted " + METHOD), rejections.heard);
    assertSame(first, rejections.thrown.get(0));
  }

  @Test
  void aNamedBreakerIsReportedByItsName() {
    CircuitBreakerPolicy breaker = CircuitBreakerPolicy.builder(METHOD).name("llm").build(context);
    breaker.forceOpen();
    assertThrows(CircuitBreakerOpenException.class, breaker::acquire);
    assertEquals(List.of("not permitted llm"), rejections.heard);
  }

  @Test
  void aFullBulkheadReportsTheRejection() {
    BulkheadPolicy bulkhead = BulkheadPolicy.builder(METHOD).maxConcurrent(1).build(context);
    bulkhead.acquire();
    BulkheadFullException full = assertThrows(BulkheadFullException.class, bulkhead::acquire);
    bulkhead.release();
    bulkhead.acquire();
    assertEquals(List.of("full " + METHOD), rejections.heard);
    assertSame(full, rejections.thrown.get(0));
  }

  @Test
  void aNamedBulkheadInterruptedWhileWaitingReportsTheRejection() {
    BulkheadPolicy bulkhead = BulkheadPolicy.builder(METHOD).maxConcurrent(1).maxWait("1s").name("db")
        .build(context);
    bulkhead.acquire();
    Thread.currentThread().interrupt();
    assertThrows(BulkheadFullException.class, bulkhead::acquire);
    assertEquals(List.of("full db"), rejections.heard);
  }

  @Test
  void aRateLimiterReportsTheCallItTurnsAway() {
    RateLimitPolicy limiter = RateLimitPolicy.builder(METHOD).permits(1).window("1s").build(context);
    limiter.acquire();
    RateLimitedException limited = assertThrows(RateLimitedException.class, limiter::acquire);
    time.advance(S);
    limiter.acquire();
    assertEquals(List.of("limited " + METHOD), rejections.heard);
    assertSame(limited, rejections.thrown.get(0));
  }

  @Test
  void aLateAttemptReportsItsTimeout() throws Exception {
    TimeoutPolicy timeout = TimeoutPolicy.builder(METHOD).timeout("1s").build(context);
    assertEquals("on time", TimeoutPolicyTest.guarded(timeout, () -> "on time"));
    TimeoutExceededException late = assertThrows(TimeoutExceededException.class,
        () -> TimeoutPolicyTest.guarded(timeout, () -> {
          time.advance(2 * S);
          return "late";
        }));
    assertEquals(List.of("timeout " + METHOD), rejections.heard);
    assertSame(late, rejections.thrown.get(0));
  }
}
