package dev.chainmail.runtime;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A guard whose {@code enabled} key is {@code false} lets every call through and reports nothing. */
class DisabledGuardsTest {

  private static final String METHOD = "com.example.Chain/answer";
  private static final long S = 1_000_000_000L;

  private final VirtualTime time = new VirtualTime();
  private final RecordingListener listener = new RecordingListener(time);

  private ChainmailContext off(String key) {
    return ChainmailContext.builder().clock(time).sleeper(time).listener(listener)
        .config(ChainmailConfig.of(Map.of(key, "false"))).build();
  }

  @Test
  void aRetryTurnedOffNeverRetriesNorReportsExhaustion() {
    RetryPolicy retry = RetryPolicy.builder(METHOD).maxAttempts(5).build(off("Retry/enabled"));
    assertFalse(retry.pauseBeforeRetry(1, new IOException("down")));
    assertFalse(retry.pauseBeforeRetry(1, new IOException("down"), time.nanoTime()));
    assertEquals(List.of(), listener.events());
    assertEquals(List.of(), time.pauses());
    RetryPolicy on = RetryPolicy.builder(METHOD).maxAttempts(5)
        .build(off(METHOD + "/Timeout/enabled"));
    assertTrue(on.pauseBeforeRetry(1, new IOException("down")), "another guard's key leaves the retry on");
  }

  @Test
  void aBreakerTurnedOffAdmitsEveryCallAndNeverOpens() {
    CircuitBreakerPolicy breaker = CircuitBreakerPolicy.builder(METHOD).requestVolumeThreshold(2).build(
        off(METHOD + "/CircuitBreaker/enabled"));
    for (int i = 0; i < 10; i++) {
      breaker.onFailure(breaker.acquire());
    }
    assertEquals(CircuitBreakerPolicy.State.FORCED_CLOSED, breaker.state());
    assertEquals(List.of(), listener.transitions(), "turning a breaker off is no transition");
  }

  @Test
  void aBulkheadTurnedOffNeverFills() {
    BulkheadPolicy bulkhead = BulkheadPolicy.builder(METHOD).maxConcurrent(1).build(off("Bulkhead/enabled"));
    assertDoesNotThrow(() -> {
      bulkhead.acquire();
      bulkhead.acquire();
      bulkhead.release();
      bulkhead.release();
    });
    assertEquals(0, bulkhead.inFlight());
  }

  @Test
  void aRateLimitTurnedOffNeverLimits() {
    RateLimitPolicy limit = RateLimitPolicy.builder(METHOD).permits(1).build(off("RateLimit/enabled"));
    for (int i = 0; i < 5; i++) {
      assertEquals(time.nanoTime(), limit.acquire());
    }
    RateLimitPolicy on = RateLimitPolicy.builder(METHOD).permits(1).build(off("Retry/enabled"));
    on.acquire();
    assertThrows(RateLimitedException.class, on::acquire);
  }

  @Test
  void aTimeoutTurnedOffNeverFires() {
    TimeoutPolicy timeout = TimeoutPolicy.builder(METHOD).timeoutNanos(S).build(off(METHOD + "/Timeout/enabled"));
    TimeoutPolicy.Deadline deadline = timeout.start();
    time.advance(10 * S);
    assertFalse(Thread.currentThread().isInterrupted());
    assertDoesNotThrow(() -> timeout.finish(deadline));
    assertDoesNotThrow(() -> timeout.finish(timeout.start(), new IOException("down")));
  }

  @Test
  void onlyFalseTurnsAGuardOffAndANonsenseValueFailsTheBuild() {
    ChainmailContext on = ChainmailContext.builder().clock(time)
        .config(ChainmailConfig.of(Map.of("Timeout/enabled", "true"))).build();
    TimeoutPolicy timeout = TimeoutPolicy.builder(METHOD).timeoutNanos(S).build(on);
    TimeoutPolicy.Deadline deadline = timeout.start();
    time.advance(2 * S);
    assertTrue(Thread.interrupted(), "an enabled timeout fires, and interrupts");
    assertThrows(TimeoutExceededException.class, () -> timeout.finish(deadline));
    ChainmailContext bad = ChainmailContext.builder()
        .config(ChainmailConfig.of(Map.of("Bulkhead/enabled", "off"))).build();
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> BulkheadPolicy.builder(METHOD).build(bad));
    assertEquals("config key Bulkhead/enabled = 'off' is invalid: 'off' is neither true nor false", e.getMessage());
  }
}
