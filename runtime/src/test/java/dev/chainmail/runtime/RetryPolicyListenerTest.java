package dev.chainmail.runtime;

import static dev.chainmail.runtime.RecordingListener.exhausted;
import static dev.chainmail.runtime.RecordingListener.retry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RetryPolicyListenerTest {

  private static final String METHOD = "com.example.ResearchChain/answer";
  private static final long MS = 1_000_000L;
  private static final long S = 1_000_000_000L;

  private final VirtualTime time = new VirtualTime();
  private final RecordingListener listener = new RecordingListener(time);

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  private RetryPolicy policy(RetryPolicy.Builder builder) {
    return policy(builder, time);
  }

  private RetryPolicy policy(RetryPolicy.Builder builder, Sleeper sleeper) {
    return builder.build(ChainmailContext.builder().clock(time).sleeper(sleeper).listener(listener).build());
  }

  @Test
  void hearsEachRetryThenExhaustionWithTheSameFailures() {
    RetryPolicy policy = policy(RetryPolicy.builder(METHOD).maxAttempts(3).delayNanos(100 * MS).multiplier(2));
    Exception first = new RuntimeException("first");
    Exception second = new RuntimeException("second");
    Exception third = new RuntimeException("third");

    assertTrue(policy.pauseBeforeRetry(1, first));
    assertTrue(policy.pauseBeforeRetry(2, second));
    assertFalse(policy.pauseBeforeRetry(3, third));

    List<RecordingListener.Event> events = listener.events();
    assertEquals(List.of(
        retry(METHOD, 1, first, 100 * MS, 0),
        retry(METHOD, 2, second, 200 * MS, 100 * MS),
        exhausted(METHOD, 3, third, 300 * MS)), events);
    assertSame(first, events.get(0).failure());
    assertSame(second, events.get(1).failure());
    assertSame(third, events.get(2).failure());
  }

  @Test
  void onRetryIsHeardBeforeThePause() {
    RetryPolicy policy = policy(RetryPolicy.builder(METHOD).delayNanos(S));
    Exception failure = new RuntimeException();
    time.advance(7 * S);
    assertTrue(policy.pauseBeforeRetry(1, failure));
    assertEquals(List.of(retry(METHOD, 1, failure, S, 7 * S)), listener.events());
    assertEquals(8 * S, time.nanoTime());
  }

  @Test
  void onRetryReportsAZeroPause() {
    RetryPolicy policy = policy(RetryPolicy.builder(METHOD).maxAttempts(2));
    Error failure = new AssertionError("an Error is a Throwable too");
    assertTrue(policy.pauseBeforeRetry(1, failure));
    assertFalse(policy.pauseBeforeRetry(2, failure));
    assertEquals(List.of(retry(METHOD, 1, failure, 0, 0), exhausted(METHOD, 2, failure, 0)), listener.events());
  }

  @Test
  void exhaustionReportsTheAttemptsMade() {
    RetryPolicy policy = policy(RetryPolicy.builder(METHOD).maxAttempts(1));
    Exception failure = new RuntimeException();
    assertFalse(policy.pauseBeforeRetry(1, failure));
    assertEquals(List.of(exhausted(METHOD, 1, failure, 0)), listener.events());
  }

  @Test
  void interruptionDuringThePauseIsHeardAsExhaustion() {
    Exception failure = new RuntimeException();
    RetryPolicy policy = policy(RetryPolicy.builder(METHOD).maxAttempts(5).delayNanos(100 * MS), nanos -> {
      throw new InterruptedException("test");
    });
    assertFalse(policy.pauseBeforeRetry(2, failure));
    assertTrue(Thread.interrupted());
    List<RecordingListener.Event> events = listener.events();
    assertEquals(List.of(retry(METHOD, 2, failure, 100 * MS, 0), exhausted(METHOD, 2, failure, 0)), events);
    assertSame(failure, events.get(1).failure());
  }

  @Test
  void interruptionBeforeTheCallIsHeardAsExhaustion() {
    Exception failure = new RuntimeException();
    RetryPolicy policy = policy(RetryPolicy.builder(METHOD).maxAttempts(5).delayNanos(100 * MS));
    Thread.currentThread().interrupt();
    assertFalse(policy.pauseBeforeRetry(2, failure));
    assertTrue(Thread.interrupted());
    List<RecordingListener.Event> events = listener.events();
    assertEquals(exhausted(METHOD, 2, failure, 0), events.get(events.size() - 1));
    assertEquals(1, events.stream().filter(event -> event.kind().equals("exhausted")).count());
    assertEquals(List.of(), time.pauses());
  }

  @Test
  void interruptionBeforeTheCallIsNotHeardAsARetry() {
    Exception failure = new RuntimeException();
    RetryPolicy policy = policy(RetryPolicy.builder(METHOD).maxAttempts(5).delayNanos(100 * MS));
    Thread.currentThread().interrupt();
    assertFalse(policy.pauseBeforeRetry(2, failure));
    assertTrue(Thread.interrupted());
    assertEquals(List.of(exhausted(METHOD, 2, failure, 0)), listener.events());
  }

  @Test
  void maxDurationStopIsHeardAsExhaustionWithoutARetry() {
    RetryPolicy policy = policy(RetryPolicy.builder(METHOD).maxAttempts(5).delayNanos(100 * MS)
        .maxDurationNanos(S));
    Exception first = new RuntimeException("first");
    Exception second = new RuntimeException("second");
    time.advance(800 * MS);
    assertTrue(policy.pauseBeforeRetry(1, first, 0));
    assertFalse(policy.pauseBeforeRetry(2, second, 0));
    assertEquals(List.of(
        retry(METHOD, 1, first, 100 * MS, 800 * MS),
        exhausted(METHOD, 2, second, 900 * MS)), listener.events());
  }

  @Test
  void listenerExceptionPropagatesAndSkipsThePause() {
    IllegalStateException thrown = new IllegalStateException("listener failed");
    ChainmailListener failing = new ChainmailListener() {
      @Override
      public void onRetry(String method, int attempt, Throwable failure, long pauseNanos) {
        throw thrown;
      }
    };
    RetryPolicy policy = RetryPolicy.builder(METHOD).delayNanos(S)
        .build(ChainmailContext.builder().clock(time).sleeper(time).listener(failing).build());
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> policy.pauseBeforeRetry(1, new RuntimeException()));
    assertSame(thrown, e);
    assertEquals(List.of(), time.pauses());
  }

  @Test
  void noneListenerIgnoresEveryEvent() {
    ChainmailListener.NONE.onRetry(METHOD, 1, new RuntimeException(), 1);
    ChainmailListener.NONE.onRetriesExhausted(METHOD, 1, new RuntimeException());
    ChainmailListener.NONE.onFallback(METHOD, new RuntimeException());
    RetryPolicy policy = RetryPolicy.builder(METHOD).maxAttempts(2).delayNanos(S)
        .build(ChainmailContext.builder().clock(time).sleeper(time).build());
    assertTrue(policy.pauseBeforeRetry(1, new RuntimeException()));
    assertFalse(policy.pauseBeforeRetry(2, new RuntimeException()));
    assertEquals(List.of(S), time.pauses());
    assertEquals(List.of(), listener.events());
  }
}
