package dev.chainmail.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * An asynchronous retry captures the caller's context once per call, for the attempts it schedules, and only when
 * it can schedule one: a policy of one attempt, or one turned off, captures nothing.
 */
class AsyncRetryContextTest {

  private static final String METHOD = "com.example.Chain/answer";

  private final VirtualTime time = new VirtualTime();
  private final AtomicInteger captures = new AtomicInteger();
  private final AtomicInteger installed = new AtomicInteger();
  private final ChainmailContext context = context(ChainmailConfig.defaults());

  private ChainmailContext context(ChainmailConfig config) {
    return ChainmailContext.builder().clock(time).sleeper(time).config(config).contextPropagator(() -> {
      captures.incrementAndGet();
      return task -> {
        installed.incrementAndGet();
        task.run();
      };
    }).build();
  }

  @Test
  void aRetriedCallCapturesOnceAndRunsEachLaterAttemptInTheCapturedContext() {
    RetryPolicy retry = RetryPolicy.builder(METHOD).maxAttempts(3).delay("1s").build(context);
    AtomicInteger attempts = new AtomicInteger();
    CompletableFuture<String> answer = retry.async(
        () -> attempts.incrementAndGet() < 3 ? CompletableFuture.failedFuture(new IOException("down"))
            : CompletableFuture.completedFuture("good"),
        failure -> true);
    time.advance(2_000_000_000L);
    assertEquals("good", answer.join());
    assertEquals(1, captures.get());
    assertEquals(2, installed.get(), "the second and third attempts ran in the caller's context");
  }

  @Test
  void aPolicyOfOneAttemptCapturesNothing() {
    RetryPolicy retry = RetryPolicy.builder(METHOD).maxAttempts(1).build(context);
    CompletableFuture<String> answer = retry.async(() -> CompletableFuture.failedFuture(new IOException("down")),
        failure -> true);
    time.advance(60_000_000_000L);
    assertThrows(CompletionException.class, answer::join);
    assertEquals(0, captures.get());
  }

  @Test
  void aPolicyTurnedOffCapturesNothing() {
    ChainmailContext off = context(ChainmailConfig.of(Map.of(METHOD + "/Retry/enabled", "false")));
    RetryPolicy retry = RetryPolicy.builder(METHOD).maxAttempts(3).build(off);
    CompletableFuture<String> answer = retry.async(() -> CompletableFuture.failedFuture(new IOException("down")),
        failure -> true);
    time.advance(60_000_000_000L);
    assertThrows(CompletionException.class, answer::join);
    assertEquals(0, captures.get());
  }
}
