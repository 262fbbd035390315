package dev.chainmail.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainmail.runtime.ChainmailContext;
import dev.chainmail.runtime.CircuitBreakerPolicy;
import dev.chainmail.runtime.VirtualTime;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code retryOnResult}, Retry-After hints, {@code delayFrom} and retry budgets, in virtual time. */
class LlmRetryBehaviourTest {

  private static final long MS = 1_000_000L;
  private static final long S = 1_000_000_000L;

  private final VirtualTime time = new VirtualTime();
  private final RecordingListener listener = new RecordingListener();
  private final ChainmailContext context = ChainmailContext.builder().clock(time).sleeper(time).listener(listener)
      .build();
  private final ResilientLlmRetryChain chain = new ResilientLlmRetryChain(context);

  // ---- retryOnResult ----

  @Test
  void aRejectedResultIsTriedAgainAfterTheBackoff() {
    chain.answers("", " ", "Paris.");

    assertEquals("Paris.", chain.answer("capital?"));

    assertEquals(3, chain.script.calls());
    assertEquals(3, chain.tests);
    assertEquals(List.of(100 * MS, 200 * MS), time.pauses());
    assertEquals(List.of(RecordingListener.retry(METHOD_ANSWER, 1, null, 100 * MS),
        RecordingListener.retry(METHOD_ANSWER, 2, null, 200 * MS)), listener.events());
  }

  @Test
  void whenAttemptsRunOutTheLastResultIsReturned() {
    chain.answers("", "", "", " ");

    assertEquals(" ", chain.answer("capital?"));

    assertEquals(4, chain.script.calls());
    assertEquals(List.of(100 * MS, 200 * MS, 400 * MS), time.pauses());
    assertEquals(RecordingListener.exhausted(METHOD_ANSWER, 4, null),
        listener.events().get(listener.events().size() - 1));
  }

  @Test
  void anAcceptedFirstResultIsTestedOnceAndNotRetried() {
    chain.answers("Paris.");

    assertEquals("Paris.", chain.answer("capital?"));

    assertEquals(1, chain.script.calls());
    assertEquals(1, chain.tests);
    assertEquals(List.of(), time.pauses());
    assertEquals(List.of(), listener.events());
  }

  @Test
  void failuresAndRejectedResultsShareTheAttempts() {
    chain.script.failWith(new IllegalStateException("down"));
    chain.answers("", "Paris.");

    assertEquals("Paris.", chain.answer("capital?"));

    assertEquals(3, chain.script.calls());
    assertEquals(2, chain.tests, "a failed attempt has no result to test");
    assertEquals(List.of(100 * MS, 200 * MS), time.pauses());
  }

  @Test
  void aRejectedResultIsASuccessToTheBreakerBeneath() {
    for (int call = 0; call < 5; call++) {
      assertEquals("", chain.answer("capital?"));
    }

    assertEquals(20, chain.script.calls());
    assertEquals(CircuitBreakerPolicy.State.CLOSED, chain.circuitBreaker("answer").state(),
        "20 rejected results would have opened a breaker that counted them as failures");
  }

  @Test
  void maxDurationStopsResultRetriesToo() {
    assertEquals("", chain.timed());

    assertEquals(3, chain.script.calls(), "attempts at 0s, 1s and 2s; a fourth at 3s would pass 2.5s");
    assertEquals(List.of(S, S), time.pauses());
  }

  @Test
  void aStaticTestOfAWiderTypeWorks() {
    assertEquals(3, chain.count());
    assertEquals(3, chain.script.calls());
  }

  @Test
  void anInterfaceChainTestsWithItsDefaultMethodOnTheDelegate() {
    Deque<String> answers = new ArrayDeque<>(List.of("thinking", "Paris."));
    LlmAnswerer delegate = question -> answers.poll();
    LlmAnswerer answerer = new ResilientLlmAnswerer(context, delegate);

    assertEquals("Paris.", answerer.answer("capital?"));
    assertTrue(answers.isEmpty());

    LlmAnswerer strict = new LlmAnswerer() {
      @Override
      public String answer(String question) {
        return "never good enough.";
      }

      @Override
      public boolean isUnusable(String answer) {
        return true;
      }
    };
    assertEquals("never good enough.", new ResilientLlmAnswerer(context, strict).answer("capital?"));
  }

  // ---- waits the failure asks for ----

  @Test
  void aRetryAfterHintLengthensThePauseUpToMaxDelay() throws IOException {
    chain.script.failWith(new LlmRetryChain.RateLimitedByProvider(Duration.ofSeconds(5)),
        new LlmRetryChain.RateLimitedByProvider(Duration.ofMinutes(2)),
        new LlmRetryChain.RateLimitedByProvider(Duration.ofMillis(100)));

    assertEquals("limited#4", chain.limited());

    assertEquals(List.of(5 * S, 30 * S, S), time.pauses(),
        "5s over the 1s backoff; 2min capped at maxDelay 30s; 100ms is shorter than the backoff, which wins");
  }

  @Test
  void aFailureWithoutAHintPausesTheBackoff() throws IOException {
    chain.script.failWith(new IOException("reset"));

    assertEquals("limited#2", chain.limited());

    assertEquals(List.of(S), time.pauses());
  }

  @Test
  void delayFromReadsTheWaitFromFailuresOfItsType() throws IOException {
    chain.script.failWith(new LlmRetryChain.HttpFailure(429, 7), new LlmRetryChain.HttpFailure(503, 7),
        new IOException("reset"));

    assertEquals("hinted#4", chain.hinted());

    assertEquals(List.of(7 * S, S, S), time.pauses(),
        "a 429's 7s; the method's null for a 503, and an IOException it does not take, leave the backoff");
  }

  // ---- budgets ----

  @Test
  void aBudgetCapsRetriesUnderLoadOverEverySlidingWindow() {
    chain.script.onEachCall(() -> {
      throw new IllegalStateException("provider down");
    });
    int seconds = 30;
    int perSecond = 100;
    int[] attemptsInSecond = new int[seconds];
    for (int second = 0; second < seconds; second++) {
      for (int call = 0; call < perSecond; call++) {
        int before = chain.script.calls();
        assertThrows(IllegalStateException.class, chain::budgeted);
        attemptsInSecond[second] += chain.script.calls() - before;
        time.advance(S / perSecond);
      }
    }
    for (int start = 0; start + 10 <= seconds; start++) {
      int retries = 0;
      for (int second = start; second < start + 10; second++) {
        retries += attemptsInSecond[second] - perSecond;
      }
      assertTrue(retries <= 0.1 * 10 * perSecond + 10,
          "window from " + start + "s: " + retries + " retries for " + 10 * perSecond + " calls");
    }
    int allRetries = chain.script.calls() - seconds * perSecond;
    assertTrue(allRetries >= 0.1 * seconds * perSecond, "the budget is spent, not withheld: " + allRetries);
    assertTrue(allRetries <= 0.1 * seconds * perSecond + 3 * 10, "retries: " + allRetries);
  }

  @Test
  void withoutABudgetTheSameLoadRetriesEveryCall() {
    chain.script.onEachCall(() -> {
      throw new IllegalStateException("provider down");
    });
    for (int call = 0; call < 1000; call++) {
      assertThrows(IllegalStateException.class, chain::unbudgeted);
      time.advance(10 * MS);
    }
    assertEquals(3000, chain.script.calls(), "every call makes all three attempts: the storm a budget stops");
  }

  @Test
  void aBudgetAlwaysAllowsTheFloorSoAQuietMethodRetries() {
    chain.script.failWith(new IllegalStateException("once"));

    assertEquals("budgeted#2", chain.budgeted());
  }

  @Test
  void aRefusedRetryPropagatesTheFailureAtOnceAndIsReported() {
    IllegalStateException down = new IllegalStateException("provider down");
    chain.script.onEachCall(() -> {
      throw down;
    });
    for (int call = 0; call < 5; call++) {
      assertThrows(IllegalStateException.class, chain::budgeted);
    }
    // 5 calls: a budget of 0.5 retries, plus the floor of 10, allows 10.
    assertEquals(15, chain.script.calls());
    IllegalStateException refused = assertThrows(IllegalStateException.class, chain::budgeted);
    assertSame(down, refused);
    assertEquals(16, chain.script.calls(), "no retry past the budget");
    assertEquals(RecordingListener.exhausted(METHOD_BUDGETED, 1, down),
        listener.events().get(listener.events().size() - 1));
  }

  @Test
  void methodsSharingANameShareOneBudget() {
    chain.script.onEachCall(() -> {
      throw new IllegalStateException("down");
    });
    for (int call = 0; call < 10; call++) {
      assertThrows(IllegalStateException.class, chain::first);
    }
    assertEquals(20, chain.script.calls(), "a budget of 0 still allows the floor of 10 retries");
    assertThrows(IllegalStateException.class, chain::second);
    assertEquals(21, chain.script.calls(), "first spent the budget second shares");
    time.advance(10 * S);
    assertThrows(IllegalStateException.class, chain::second);
    assertEquals(23, chain.script.calls(), "10 s later the window has moved on");
  }

  private static final String METHOD_ANSWER = "dev.chainmail.behaviour.LlmRetryChain/answer";
  private static final String METHOD_BUDGETED = "dev.chainmail.behaviour.LlmRetryChain/budgeted";
}
