package dev.chainmail.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The retry budget's window and floor, Retry-After hints, result retries and their config keys. */
class RetryBudgetAndHintTest {

  private static final String METHOD = "com.example.Chain/answer";
  private static final long S = 1_000_000_000L;

  private final VirtualTime time = new VirtualTime();

  private ChainmailContext context(Map<String, String> config) {
    return ChainmailContext.builder().clock(time).sleeper(time).config(ChainmailConfig.of(config)).build();
  }

  /** A failure asking for a wait. */
  private static final class Hinted extends IOException implements RetryAfter {
    private static final long serialVersionUID = 1L;
    private final transient Duration wait;

    Hinted(Duration wait) {
      this.wait = wait;
    }

    @Override
    public Duration retryAfter() {
      return wait;
    }
  }

  @Test
  void theBudgetAllowsItsRatioOfTheCallsPlusTheFloor() {
    LoadBudget budget = new LoadBudget(0.2, 10, time);
    for (int call = 0; call < 100; call++) {
      budget.recordCall();
    }
    int spent = 0;
    while (budget.trySpend()) {
      spent++;
    }
    assertEquals(30, spent, "0.2 x 100 calls + 10");
  }

  @Test
  void callsAndSpendingLeaveTheWindowAfterTenSeconds() {
    LoadBudget budget = new LoadBudget(1.0, 0, time);
    for (int call = 0; call < 5; call++) {
      budget.recordCall();
    }
    time.advance(9 * S);
    for (int i = 0; i < 5; i++) {
      assertTrue(budget.trySpend());
    }
    assertFalse(budget.trySpend(), "5 calls, 5 spent");
    time.advance(S);
    assertFalse(budget.trySpend(), "the calls left the window, the spending of 9s ago did not");
    for (int call = 0; call < 3; call++) {
      budget.recordCall();
    }
    assertFalse(budget.trySpend(), "5 spent at 9s still count against 3 calls");
    time.advance(9 * S);
    assertTrue(budget.trySpend(), "at 19s the spending of 9s has left; the 3 calls of 10s remain");
    time.advance(100 * S);
    assertFalse(budget.trySpend(), "after a long quiet nothing is left, and the floor is 0");
  }

  @Test
  void budgetsWorkOnClocksThatStartNegative() {
    long[] now = {-7 * S - 1};
    LoadBudget budget = new LoadBudget(0.5, 0, () -> now[0]);
    budget.recordCall();
    budget.recordCall();
    assertTrue(budget.trySpend());
    assertFalse(budget.trySpend());
    now[0] += 3 * S;
    budget.recordCall();
    budget.recordCall();
    assertTrue(budget.trySpend(), "4 calls across the step from -8s to -5s allow 2");
    assertFalse(budget.trySpend());
    now[0] += 10 * S;
    budget.recordCall();
    budget.recordCall();
    assertTrue(budget.trySpend(), "past zero, the old steps have left the window");
  }

  @Test
  void concurrentSpendersNeverOverdraw() throws Exception {
    LoadBudget budget = new LoadBudget(0.1, 10, Clock.system());
    for (int call = 0; call < 10_000; call++) {
      budget.recordCall();
    }
    AtomicInteger spent = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> spenders = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        spenders.add(pool.submit(() -> {
          for (int i = 0; i < 1_000; i++) {
            budget.recordCall();
            if (budget.trySpend()) {
              spent.incrementAndGet();
            }
          }
        }));
      }
      for (Future<?> spender : spenders) {
        spender.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertTrue(spent.get() <= 0.1 * 18_000 + 10, "spent " + spent.get());
    assertTrue(spent.get() >= 0.1 * 10_000, "spent " + spent.get());
  }

  @Test
  void aHintLengthensThePauseAndMaxDelayCapsIt() {
    RetryPolicy retry = RetryPolicy.builder(METHOD).maxAttempts(5).delay("1s").maxDelay("10s").build(context(Map.of()));
    assertTrue(retry.pauseBeforeRetry(1, new Hinted(Duration.ofSeconds(4))));
    assertTrue(retry.pauseBeforeRetry(2, new Hinted(Duration.ofHours(1))));
    assertTrue(retry.pauseBeforeRetry(3, new Hinted(null)));
    assertTrue(retry.pauseBeforeRetry(4, new Hinted(Duration.ofSeconds(-3))));
    assertEquals(List.of(4 * S, 10 * S, S, S), time.pauses());
  }

  @Test
  void aHintThatWouldPassMaxDurationStopsRetrying() {
    RetryPolicy retry = RetryPolicy.builder(METHOD).delay("1s").maxDuration("5s").build(context(Map.of()));
    long start = retry.startNanos();
    assertFalse(retry.pauseBeforeRetry(1, new IOException(), start, Duration.ofSeconds(6)));
    assertTrue(retry.pauseBeforeRetry(1, new IOException(), start, Duration.ofSeconds(2)));
    assertEquals(List.of(2 * S), time.pauses());
  }

  @Test
  void theDelayFromHintReplacesTheFailuresOwn() {
    RetryPolicy retry = RetryPolicy.builder(METHOD).delay("1s").build(context(Map.of()));
    assertTrue(retry.pauseBeforeRetry(1, new Hinted(Duration.ofSeconds(9)), 0L, Duration.ofSeconds(3)));
    assertEquals(List.of(3 * S), time.pauses());
  }

  @Test
  void resultRetriesFollowTheScheduleAndTheAttemptLimit() {
    RecordingListener listener = new RecordingListener(time);
    RetryPolicy retry = RetryPolicy.builder(METHOD).maxAttempts(2).delay("1s")
        .build(ChainmailContext.builder().clock(time).sleeper(time).listener(listener).build());
    assertTrue(retry.pauseBeforeRetryOfResult(1, 0L));
    assertFalse(retry.pauseBeforeRetryOfResult(2, 0L));
    assertEquals(List.of(RecordingListener.retry(METHOD, 1, null, S, 0),
        RecordingListener.exhausted(METHOD, 2, null, S)), listener.events());
  }

  @Test
  void theBudgetHasAConfigKeyButOnlyWhereTheAnnotationSetOne() {
    RetryPolicy retry = RetryPolicy.builder(METHOD).budget(0.1)
        .build(context(Map.of(METHOD + "/Retry/budget", "0.25")));
    assertEquals(0.25, retry.budget());
    assertTrue(retry.toString().endsWith(", budget=0.25]"), retry.toString());
    assertEquals(RetryPolicy.NO_BUDGET, RetryPolicy.builder(METHOD).build(context(Map.of())).budget());
    ConfigurationException none = assertThrows(ConfigurationException.class,
        () -> RetryPolicy.builder(METHOD).build(context(Map.of("Retry/budget", "0.1"))));
    assertTrue(none.getMessage().contains("declares no budget"), none.getMessage());
    ConfigurationException negative = assertThrows(ConfigurationException.class,
        () -> RetryPolicy.builder(METHOD).budget(0.1).build(context(Map.of("Retry/budget", "-1"))));
    assertTrue(negative.getMessage().contains("Retry/budget"), negative.getMessage());
    assertThrows(ConfigurationException.class, () -> RetryPolicy.builder(METHOD).budget(Double.NaN));
  }

  @ParameterizedTest
  @ValueSource(strings = {"retryOnResult", "delayFrom", "name"})
  void theNamedMethodsAndTheSharingNameAreFixed(String attribute) {
    ConfigurationException fixed = assertThrows(ConfigurationException.class,
        () -> RetryPolicy.builder(METHOD).build(context(Map.of(METHOD + "/Retry/" + attribute, "x"))));
    assertTrue(fixed.getMessage().contains(METHOD + "/Retry/" + attribute), fixed.getMessage());
  }

  @Test
  void policiesSharingANameShareOneBudgetAndMustAgree() {
    ChainmailContext context = context(Map.of());
    RetryPolicy first = RetryPolicy.builder("com.example.A/a").budget(0).name("llm").build(context);
    RetryPolicy second = RetryPolicy.builder("com.example.B/b").budget(0).name("llm").build(context);
    for (int i = 0; i < 10; i++) {
      assertTrue(first.pauseBeforeRetry(1, new IOException()));
    }
    assertFalse(second.pauseBeforeRetry(1, new IOException()), "the floor of 10 is spent by the first");
    ConfigurationException clash = assertThrows(ConfigurationException.class,
        () -> RetryPolicy.builder("com.example.C/c").budget(0.5).name("llm").build(context));
    assertTrue(clash.getMessage().contains("retry budget named 'llm'"), clash.getMessage());
  }
}
