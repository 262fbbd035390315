package dev.chainmail.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainmail.runtime.BulkheadFullException;
import dev.chainmail.runtime.ChainmailConfig;
import dev.chainmail.runtime.ChainmailContext;
import dev.chainmail.runtime.ChainmailListener;
import dev.chainmail.runtime.CircuitBreakerOpenException;
import dev.chainmail.runtime.CircuitBreakerPolicy;
import dev.chainmail.runtime.RateLimitedException;
import dev.chainmail.runtime.TimeoutExceededException;
import dev.chainmail.runtime.VirtualTime;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Asynchronous methods through a real proxy, in virtual time: every stage the delegate returns is completed by the
 * test, and every scheduled retry, timer and delayed start runs on the test's thread when it advances the clock.
 */
class AsyncBehaviourTest {

  private static final long SECOND = 1_000_000_000L;
  private static final String CHAIN = "dev.chainmail.behaviour.AsyncChain/";

  private final VirtualTime time = new VirtualTime();
  private final List<TimeoutExceededException> timeouts = new CopyOnWriteArrayList<>();
  private final RecordingListener listener = new RecordingListener();
  private final ChainmailListener timeoutListener = new ChainmailListener() {
    @Override
    public void onTimeout(String method, TimeoutExceededException timedOut) {
      timeouts.add(timedOut);
    }
  };
  private final ScriptedAsync delegate = new ScriptedAsync();

  private ResilientAsyncChain chain() {
    return chain(ChainmailContext.builder().clock(time).sleeper(time).listeners(List.of(listener, timeoutListener)));
  }

  private ResilientAsyncChain chain(ChainmailContext.Builder context) {
    return new ResilientAsyncChain(context.build(), delegate);
  }

  @AfterEach
  void clearContext() {
    ScriptedAsync.CONTEXT.remove();
  }

  /** The failure a completed stage failed with, unwrapped. */
  private static Throwable failure(CompletionStage<?> stage) {
    CompletableFuture<?> future = stage.toCompletableFuture();
    assertTrue(future.isCompletedExceptionally(), "the stage should have failed: " + future);
    CompletionException thrown = assertThrows(CompletionException.class, future::join);
    return thrown.getCause();
  }

  private static String value(CompletionStage<String> stage) {
    CompletableFuture<String> future = stage.toCompletableFuture();
    assertTrue(future.isDone(), "the stage should be done");
    return future.join();
  }

  @Test
  void theProxyReturnsAtOnceAndPassesTheValueOn() {
    CompletionStage<String> answer = chain().retried("q");

    assertFalse(answer.toCompletableFuture().isDone(), "the proxy does not wait for the stage");
    assertEquals(1, delegate.calls.size());
    delegate.future(0).complete("a");
    assertEquals("a", value(answer));
    time.advance(60 * SECOND);
    assertEquals(1, delegate.calls.size(), "nothing was left scheduled");
  }

  @Test
  void aFailedStageIsRetriedAfterItsBackoffOnTheScheduler() {
    CompletionStage<String> answer = chain().retried("q");
    delegate.future(0).completeExceptionally(new IOException("down"));

    assertEquals(1, delegate.calls.size(), "the retry waits for its pause, without blocking the test's thread");
    time.advance(SECOND - 1);
    assertEquals(1, delegate.calls.size());
    time.advance(1);
    assertEquals(2, delegate.calls.size(), "the second attempt starts when the 1s pause ends");
    delegate.future(1).complete("a");
    assertEquals("a", value(answer));
    assertEquals(List.of(RecordingListener.retry(CHAIN + "retried", 1, delegateFailure(0), SECOND)),
        listener.events());
  }

  private Throwable delegateFailure(int call) {
    return failure(delegate.future(call));
  }

  @Test
  void aFailureThrownByTheMethodCountsAsAFailedStage() {
    IOException thrown = new IOException("thrown, not returned");
    delegate.next(() -> {
      throw new UncheckedIo(thrown);
    });
    CompletionStage<String> answer = chain().retried("q");

    assertFalse(answer.toCompletableFuture().isDone());
    time.advance(SECOND);
    assertEquals(2, delegate.calls.size(), "a thrown IOException is retried as a failed stage would be");
    delegate.future(1).complete("a");
    assertEquals("a", value(answer));
  }

  /** Lets the scripted delegate throw a checked exception, sneakily, as a real method declaring it could. */
  private static final class UncheckedIo extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UncheckedIo(IOException cause) {
      super(cause);
      sneak(cause);
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> void sneak(Throwable failure) throws E {
      throw (E) failure;
    }
  }

  @Test
  void retriesStopWhenTheAttemptsRunOutOrTheFailureIsNotRetried() {
    CompletionStage<String> exhausted = chain().retried("q");
    for (int i = 0; i < 3; i++) {
      delegate.future(i).completeExceptionally(new IOException("down " + i));
      time.advance(SECOND);
    }
    assertEquals(3, delegate.calls.size());
    assertEquals("down 2", failure(exhausted).getMessage(), "the last failure");

    CompletionStage<String> aborted = chain().retried("q");
    delegate.future(3).completeExceptionally(new FileNotFoundException("gone"));
    assertInstanceOf(FileNotFoundException.class, failure(aborted), "abortOn is not retried");
    CompletionStage<String> unlisted = chain().retried("q");
    delegate.future(4).completeExceptionally(new IllegalStateException("bug"));
    assertInstanceOf(IllegalStateException.class, failure(unlisted), "outside retryOn is not retried");
    time.advance(10 * SECOND);
    assertEquals(5, delegate.calls.size());
  }

  @Test
  void aFailureSaysHowLongToWait() {
    CompletionStage<String> answer = chain().retried("q");
    delegate.future(0).completeExceptionally(new AsyncChain.Throttled(Duration.ofSeconds(7)));

    time.advance(6 * SECOND);
    assertEquals(1, delegate.calls.size(), "Retry-After lengthens the 1s backoff to 7s");
    time.advance(SECOND);
    assertEquals(2, delegate.calls.size());
    delegate.future(1).complete("a");
    assertEquals("a", value(answer));
  }

  @Test
  void aRejectedResultIsTriedAgainAndTheLastOneIsReturned() {
    CompletionStage<String> answer = chain().checked("q");
    delegate.future(0).complete(" ");
    time.advance(SECOND);
    assertEquals(2, delegate.calls.size(), "a blank answer is retried");
    delegate.future(1).complete("");
    time.advance(SECOND);
    delegate.future(2).complete("\t");
    assertEquals("\t", value(answer), "when the attempts run out the last result is returned");

    CompletionStage<String> good = chain().checked("q");
    delegate.future(3).complete("fine");
    assertEquals("fine", value(good));
  }

  @Test
  void theBudgetBoundsAsynchronousRetriesUnderLoad() {
    ResilientAsyncChain chain = chain();
    int calls = 400;
    int retried = 0;
    for (int i = 0; i < calls; i++) {
      CompletionStage<String> answer = chain.budgeted("q" + i);
      int before = delegate.calls.size();
      delegate.future(before - 1).completeExceptionally(new IOException("down"));
      time.advance(0);
      if (delegate.calls.size() > before) {
        retried++;
        delegate.future(before).complete("a");
        assertEquals("a", value(answer));
      } else {
        assertEquals("down", failure(answer).getMessage(), "with the budget spent the failure propagates");
      }
    }
    // Within one 10 s window: 10 retries of the floor plus 10% of 400 calls.
    assertEquals(10 + calls / 10, retried);
  }

  @Test
  void aFallbackAnswersAFailedStage() {
    CompletionStage<String> answer = chain().withFallback("q");
    delegate.future(0).completeExceptionally(new IOException("down"));
    assertEquals("fallback: q after down", value(answer));
    assertEquals(List.of(RecordingListener.fallback(CHAIN + "withFallback", delegateFailure(0))),
        listener.events());

    CompletionStage<String> unanswered = chain().withFallback("q");
    delegate.future(1).completeExceptionally(new IllegalStateException("bug"));
    assertInstanceOf(IllegalStateException.class, failure(unanswered), "outside applyOn, no fallback");
  }

  @Test
  void aTimeoutFailsTheStageAndCancelsTheCallBeneath() {
    CompletionStage<String> answer = chain().timed("q");
    time.advance(2 * SECOND - 1);
    assertFalse(answer.toCompletableFuture().isDone());
    time.advance(1);

    TimeoutExceededException timedOut = assertInstanceOf(TimeoutExceededException.class, failure(answer));
    assertEquals(CHAIN + "timed", timedOut.method());
    assertTrue(delegate.future(0).isCancelled(), "the delegate's stage was cancelled");
    assertEquals(List.of(timedOut), timeouts);
  }

  @Test
  void aStageThatEndsInTimeCallsOffItsTimer() {
    CompletionStage<String> answer = chain().timed("q");
    time.advance(SECOND);
    delegate.future(0).complete("a");
    time.advance(10 * SECOND);
    assertEquals("a", value(answer));
    assertEquals(List.of(), timeouts, "no timeout fired");
  }

  @Test
  void aBulkheadPermitIsHeldUntilTheStageEnds() {
    ResilientAsyncChain chain = chain();
    CompletionStage<String> first = chain.single("1");
    CompletionStage<String> second = chain.single("2");

    BulkheadFullException full = assertInstanceOf(BulkheadFullException.class, failure(second),
        "the returned stage, not the proxy, carries the rejection");
    assertTrue(full.getMessage().contains("is full (1 concurrent call)"), full.getMessage());
    assertEquals(1, delegate.calls.size(), "the rejected call never started");
    delegate.future(0).completeExceptionally(new IOException("down"));
    assertInstanceOf(IOException.class, failure(first));
    chain.single("3");
    assertEquals(2, delegate.calls.size(), "a failed stage gave its permit back");
  }

  @Test
  void aCallWaitsInTheQueueForAPermitAndStartsWhenOneIsGivenBack() {
    ResilientAsyncChain chain = chain();
    CompletionStage<String> first = chain.queued("1");
    CompletionStage<String> second = chain.queued("2");
    CompletionStage<String> third = chain.queued("3");
    assertEquals(1, delegate.calls.size(), "the others wait, without a thread");

    time.advance(SECOND);
    delegate.future(0).complete("a");
    assertEquals("a", value(first));
    assertEquals(2, delegate.calls.size(), "the first in the queue started when the permit came back");
    assertEquals("2", delegate.call(1).question());

    time.advance(2 * SECOND);
    BulkheadFullException full = assertInstanceOf(BulkheadFullException.class, failure(third));
    assertTrue(full.getMessage().endsWith("and no permit came within 3s"), full.getMessage());
    delegate.future(1).complete("b");
    assertEquals("b", value(second));
    chain.queued("4");
    assertEquals(3, delegate.calls.size(), "the call that gave up holds no permit");
  }

  @Test
  void cancellingAWaitingCallTakesItOutOfTheQueue() {
    ResilientAsyncChain chain = chain();
    chain.queued("1");
    CompletionStage<String> waiting = chain.queued("2");
    CompletionStage<String> next = chain.queued("3");

    assertTrue(waiting.toCompletableFuture().cancel(false));
    delegate.future(0).complete("a");
    assertEquals(2, delegate.calls.size());
    assertEquals("3", delegate.call(1).question(), "the cancelled call never started");
    assertFalse(next.toCompletableFuture().isDone());
  }

  @Test
  void aTimedOutCallGivesItsBulkheadPermitBack() {
    ResilientAsyncChain chain = chain();
    CompletionStage<String> slow = chain.timedSingle("slow");
    time.advance(2 * SECOND);
    assertInstanceOf(TimeoutExceededException.class, failure(slow));
    assertTrue(delegate.future(0).isCancelled());

    chain.timedSingle("next");
    assertEquals(2, delegate.calls.size(), "the cancelled stage ended, so its permit came back");
  }

  @Test
  void theBreakerCountsFailedStagesAndRejectsInAFailedStage() {
    ResilientAsyncChain chain = chain();
    for (int i = 0; i < 4; i++) {
      chain.breaker("q");
      delegate.future(i).completeExceptionally(new IOException("down"));
    }
    assertEquals(CircuitBreakerPolicy.State.OPEN, chain.circuitBreaker("breaker").state());

    CompletionStage<String> rejected = chain.breaker("q");
    assertInstanceOf(CircuitBreakerOpenException.class, failure(rejected));
    assertEquals(4, delegate.calls.size(), "an open breaker starts nothing");

    time.advance(5 * SECOND);
    CompletionStage<String> trial = chain.breaker("q");
    delegate.future(4).complete("a");
    assertEquals("a", value(trial));
    assertEquals(CircuitBreakerPolicy.State.CLOSED, chain.circuitBreaker("breaker").state(),
        "a successful stage closes the half-open breaker");
  }

  @Test
  void failuresTheBreakerSkipsAreNotCounted() {
    ResilientAsyncChain chain = chain();
    for (int i = 0; i < 10; i++) {
      chain.breaker("q");
      delegate.future(i).completeExceptionally(new IllegalArgumentException("bad question"));
    }
    assertEquals(CircuitBreakerPolicy.State.CLOSED, chain.circuitBreaker("breaker").state());
  }

  @Test
  void aRateLimitedCallStartsWhenItsPermitIsGrantedOrFailsPastMaxWait() {
    ResilientAsyncChain chain = chain();
    chain.limited("1");
    CompletionStage<String> delayed = chain.limited("2");
    assertEquals(1, delegate.calls.size(), "the second call waits for its permit, without a thread");
    CompletionStage<String> refused = chain.limited("3");
    assertInstanceOf(RateLimitedException.class, failure(refused), "its permit lies 2s ahead, past maxWait 1s");

    time.advance(SECOND);
    assertEquals(2, delegate.calls.size(), "started when its permit was granted");
    delegate.future(1).complete("b");
    assertEquals("b", value(delayed));
  }

  @Test
  void cancellingTheReturnedStageCancelsTheCallBeneathAndStopsRetrying() {
    CompletionStage<String> answer = chain().stacked("q");
    assertTrue(answer.toCompletableFuture().cancel(true));

    assertTrue(delegate.future(0).isCancelled(), "the cancellation went through every guard to the delegate");
    time.advance(60 * SECOND);
    assertEquals(1, delegate.calls.size(), "no retry follows a cancelled call");

    CompletionStage<String> retrying = chain().retried("q");
    delegate.future(1).completeExceptionally(new IOException("down"));
    retrying.toCompletableFuture().cancel(false);
    time.advance(60 * SECOND);
    assertEquals(2, delegate.calls.size(), "cancelling during the pause calls the next attempt off");
  }

  @Test
  void everyGuardStackedOnOneMethod() {
    ResilientAsyncChain chain = chain();
    CompletionStage<String> answer = chain.stacked("q");
    time.advance(2 * SECOND);
    assertTrue(delegate.future(0).isCancelled(), "the first attempt timed out");
    time.advance(SECOND);
    assertEquals(2, delegate.calls.size(), "and was retried after 1s");
    time.advance(2 * SECOND);

    assertEquals("fallback: q after " + CHAIN + "stacked: timed out after 2s", value(answer),
        "both attempts timed out, and the fallback answered");
    chain.stacked("r");
    chain.stacked("s");
    assertEquals(4, delegate.calls.size(), "the timed-out calls gave their two bulkhead permits back");
  }

  @Test
  void aNullStageIsAFailure() {
    delegate.next(() -> null);
    CompletionStage<String> answer = chain().timed("q");
    NullPointerException failure = assertInstanceOf(NullPointerException.class, failure(answer));
    assertTrue(failure.getMessage().contains(CHAIN + "timed returned null instead of a CompletionStage"),
        failure.getMessage());
  }

  @Test
  void aStageThatIsNotACompletableFutureIsFollowed() {
    CompletableFuture<String> own = new CompletableFuture<>();
    delegate.next(() -> own);
    CompletionStage<String> answer = chain().withFallback("q");
    own.complete("a");
    assertEquals("a", value(answer));
  }

  /** A propagator of {@link ScriptedAsync#CONTEXT}, as an MDC one would be, restoring the thread's own after. */
  private static Executor carryContext() {
    String captured = ScriptedAsync.CONTEXT.get();
    return task -> {
      String own = ScriptedAsync.CONTEXT.get();
      ScriptedAsync.CONTEXT.set(captured);
      try {
        task.run();
      } finally {
        ScriptedAsync.CONTEXT.set(own);
      }
    };
  }

  @Test
  void theCallersContextIsCarriedOntoScheduledRetries() {
    ResilientAsyncChain chain = chain(ChainmailContext.builder().clock(time).sleeper(time)
        .contextPropagator(AsyncBehaviourTest::carryContext));
    ScriptedAsync.CONTEXT.set("request-42");
    CompletionStage<String> answer = chain.retried("q");
    ScriptedAsync.CONTEXT.set("the scheduler's own");
    delegate.future(0).completeExceptionally(new IOException("down"));
    time.advance(SECOND);

    assertEquals("request-42", delegate.call(1).context(), "the retry ran in the caller's context");
    assertEquals("the scheduler's own", ScriptedAsync.CONTEXT.get(), "and the thread's own came back after");
    delegate.future(1).complete("a");
    assertEquals("a", value(answer));
  }

  @Test
  void aContextPropagatorCarriesContextOntoADelayedStart() {
    ResilientAsyncChain chain = chain(ChainmailContext.builder().clock(time).sleeper(time)
        .contextPropagator(AsyncBehaviourTest::carryContext));
    chain.limited("1");
    ScriptedAsync.CONTEXT.set("caller");
    chain.limited("2");
    ScriptedAsync.CONTEXT.remove();
    time.advance(SECOND);
    assertEquals("caller", delegate.call(1).context());
  }

  @Test
  void configTurnsAnAsynchronousGuardOff() {
    ResilientAsyncChain chain = chain(ChainmailContext.builder().clock(time).sleeper(time)
        .config(ChainmailConfig.of(Map.of(CHAIN + "timed/Timeout/enabled", "false"))));
    CompletionStage<String> answer = chain.timed("q");
    time.advance(60 * SECOND);
    assertFalse(answer.toCompletableFuture().isDone(), "no timeout");
    assertSame(delegate.future(0), answer, "with its only guard off, the proxy returns the delegate's stage");
  }

  @Test
  void retriesRunOnTheSystemSchedulerInRealTime() throws Exception {
    delegate.next(() -> CompletableFuture.failedFuture(new IOException("down 1")));
    delegate.next(() -> CompletableFuture.failedFuture(new IOException("down 2")));
    delegate.next(() -> CompletableFuture.completedFuture("after 2 retries"));
    ResilientAsyncChain chain = new ResilientAsyncChain(ChainmailContext.builder().build(), delegate);

    // Two real 1s pauses, on the chainmail-scheduler thread: the one real-time test of async retries.
    assertEquals("after 2 retries", chain.retried("q").toCompletableFuture().get(30, TimeUnit.SECONDS));
    assertEquals(3, delegate.calls.size());
  }
}
