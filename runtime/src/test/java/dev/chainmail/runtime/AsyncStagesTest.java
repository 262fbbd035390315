package dev.chainmail.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class AsyncStagesTest {

  private static Throwable failure(CompletableFuture<?> future) {
    assertTrue(future.isCompletedExceptionally(), "should have failed: " + future);
    return assertThrows(CompletionException.class, future::join).getCause();
  }

  @Test
  void unwrapFindsTheFailureInsideTheWrappersOfDependentStages() {
    IOException cause = new IOException("down");
    assertSame(cause, AsyncStages.unwrap(new CompletionException(new ExecutionException(cause))));
    assertSame(cause, AsyncStages.unwrap(cause));
    assertNull(AsyncStages.unwrap(null));
    CompletionException empty = new CompletionException("no cause", null);
    assertSame(empty, AsyncStages.unwrap(empty), "a wrapper with no cause is the failure itself");
  }

  @Test
  void aCompletableFutureIsTakenAsItIs() {
    CompletableFuture<String> own = new CompletableFuture<>();
    assertSame(own, AsyncStages.of(own, "Chain/answer"));
  }

  @Test
  void aNullStageFailsWithAMessageNamingTheMethod() {
    Throwable failure = failure(AsyncStages.of(null, "com.example.Chain/answer"));
    assertInstanceOf(NullPointerException.class, failure);
    assertTrue(failure.getMessage().startsWith("com.example.Chain/answer returned null"), failure.getMessage());
  }

  @Test
  void anotherKindOfStageIsFollowedAndCancelledThroughItsFuture() {
    CompletableFuture<String> behind = new CompletableFuture<>();
    CompletionStage<String> minimal = behind.minimalCompletionStage();
    CompletableFuture<String> followed = AsyncStages.of(minimal, "Chain/answer");
    assertFalse(followed == minimal);
    behind.complete("a");
    assertEquals("a", followed.join());

    // A minimal stage refuses cancel(): cancelling the future that follows it still works, and the stage runs on.
    CompletableFuture<String> pending = new CompletableFuture<>();
    CompletableFuture<String> cancelling = AsyncStages.of(pending.minimalCompletionStage(), "Chain/answer");
    assertTrue(cancelling.cancel(false));
    assertTrue(cancelling.isCancelled());
    assertFalse(pending.isDone());
  }

  @Test
  void recoverPassesASuccessAndAnswersAFailure() {
    CompletableFuture<String> ok = AsyncStages.recover(CompletableFuture.completedFuture("a"),
        failure -> CompletableFuture.completedFuture("fallback"));
    assertEquals("a", ok.join());

    IOException down = new IOException("down");
    Throwable[] seen = new Throwable[1];
    CompletableFuture<String> recovered = AsyncStages.recover(
        CompletableFuture.<String>failedFuture(down).thenApply(value -> value),
        failure -> {
          seen[0] = failure;
          return CompletableFuture.completedFuture("fallback");
        });
    assertEquals("fallback", recovered.join());
    assertSame(down, seen[0], "the fallback sees the failure unwrapped from the dependent stage's wrapper");
  }

  @Test
  void aFallbackThatThrowsOrReturnsNullFailsTheStage() {
    IOException down = new IOException("down");
    IllegalStateException broken = new IllegalStateException("fallback broke");
    CompletableFuture<String> thrown = AsyncStages.recover(CompletableFuture.failedFuture(down), failure -> {
      throw broken;
    });
    assertSame(broken, failure(thrown));
    assertSame(down, broken.getSuppressed()[0], "the original failure is kept beside it");

    CompletableFuture<String> nothing = AsyncStages.recover(CompletableFuture.failedFuture(down), failure -> null);
    assertInstanceOf(NullPointerException.class, failure(nothing));

    CompletableFuture<String> again = AsyncStages.recover(CompletableFuture.failedFuture(down),
        AsyncStages::failed);
    assertSame(down, failure(again), "a fallback that declines passes the failure on");
  }

  @Test
  void cancellingARecoveryCancelsTheStageItFollowsNow() {
    CompletableFuture<String> beneath = new CompletableFuture<>();
    CompletableFuture<String> answer = new CompletableFuture<>();
    CompletableFuture<String> recovering = AsyncStages.recover(beneath, failure -> answer);
    beneath.completeExceptionally(new IOException("down"));
    assertFalse(recovering.isDone());

    recovering.cancel(false);
    assertTrue(answer.isCancelled(), "the fallback's stage was cancelled");

    CompletableFuture<String> early = new CompletableFuture<>();
    boolean[] called = new boolean[1];
    CompletableFuture<String> cancelledFirst = AsyncStages.recover(early, failure -> {
      called[0] = true;
      return answer;
    });
    cancelledFirst.cancel(false);
    assertTrue(early.isCancelled());
    assertFalse(called[0], "a cancelled call is not answered by its fallback");
  }
}
