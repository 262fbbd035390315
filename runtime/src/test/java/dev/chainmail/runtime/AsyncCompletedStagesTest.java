package dev.chainmail.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * A stage that is already complete when the method returns it, as a cached answer's is, passes each guard without
 * a stage of the guard's own, and still counts: a permit comes back, the breaker records the call.
 */
class AsyncCompletedStagesTest {

  private static final String METHOD = "com.example.Chain/answer";

  private final VirtualTime time = new VirtualTime();
  private final ChainmailContext context = ChainmailContext.builder().clock(time).sleeper(time).build();
  private final CompletableFuture<String> done = CompletableFuture.completedFuture("cached");

  @Test
  void aCompletedStagePassesEveryGuardAsItIs() {
    assertSame(done, RetryPolicy.builder(METHOD).build(context).async(() -> done, failure -> true));
    assertSame(done, TimeoutPolicy.builder(METHOD).timeout("1s").build(context).async(done));
    assertSame(done, CircuitBreakerPolicy.builder(METHOD).build(context).async(() -> done, failure -> true));
    BulkheadPolicy bulkhead = BulkheadPolicy.builder(METHOD).maxConcurrent(1).build(context);
    assertSame(done, bulkhead.async(() -> done));
    assertEquals(0, bulkhead.inFlight(), "the permit came back at once");
    assertSame(done, bulkhead.async(() -> done), "and serves the next call");
  }

  @Test
  void completedSuccessesCloseAHalfOpenBreaker() {
    CircuitBreakerPolicy breaker = CircuitBreakerPolicy.builder(METHOD).requestVolumeThreshold(2).delay("1s")
        .build(context);
    for (int i = 0; i < 2; i++) {
      breaker.async(() -> CompletableFuture.failedFuture(new IOException("down")), failure -> true);
    }
    assertEquals(CircuitBreakerPolicy.State.OPEN, breaker.state());
    time.advance(1_000_000_000L);
    breaker.async(() -> done, failure -> true);
    assertEquals(CircuitBreakerPolicy.State.CLOSED, breaker.state());
  }

  @Test
  void aRetryWhoseResultTestRejectsACompletedValueStillRetries() {
    RetryPolicy retry = RetryPolicy.builder(METHOD).maxAttempts(2).build(context);
    int[] calls = new int[1];
    CompletableFuture<String> answer = retry.async(() -> {
      calls[0]++;
      return CompletableFuture.completedFuture(calls[0] == 1 ? "" : "good");
    }, failure -> true, null, String::isEmpty);
    time.advance(0);
    assertEquals("good", answer.join());
    assertEquals(2, calls[0]);
  }

  @Test
  void aFailedCompletedStageIsStillRetriedAndCounted() {
    RetryPolicy retry = RetryPolicy.builder(METHOD).maxAttempts(2).build(context);
    CompletableFuture<String> answer = retry.async(() -> CompletableFuture.failedFuture(new IOException("down")),
        failure -> true);
    time.advance(0);
    Throwable failure = assertThrows(CompletionException.class, answer::join).getCause();
    assertInstanceOf(IOException.class, failure);
  }
}
