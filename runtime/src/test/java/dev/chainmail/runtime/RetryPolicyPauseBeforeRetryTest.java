package dev.chainmail.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RetryPolicyPauseBeforeRetryTest {

  private static final String METHOD = "p.X/m";
  private static final long MS = 1_000_000L;
  private static final long S = 1_000_000_000L;

  private final VirtualTime time = new VirtualTime();
  private final Exception failure = new IllegalStateException("boom");

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  private RetryPolicy policy(RetryPolicy.Builder builder) {
    return builder.build(ChainmailContext.builder().clock(time).sleeper(time).random(() -> 0.5).build());
  }

  private static RetryPolicy policy(RetryPolicy.Builder builder, Sleeper sleeper) {
    return builder.build(ChainmailContext.builder().sleeper(sleeper).random(() -> 0.5).build());
  }

  @Test
  void retriesWhileAttemptsRemainSleepingTheComputedPause() {
    RetryPolicy policy = policy(RetryPolicy.builder(METHOD).maxAttempts(4).delayNanos(100 * MS).multiplier(2));
    assertTrue(policy.pauseBeforeRetry(1, failure));
    assertEquals(List.of(100 * MS), time.pauses());
    assertTrue(policy.pauseBeforeRetry(2, failure));
    assertTrue(policy.pauseBeforeRetry(3, failure));
    assertEquals(List.of(100 * MS, 200 * MS, 400 * MS), time.pauses());
    assertEquals(700 * MS, time.nanoTime());
    assertFalse(policy.pauseBeforeRetry(4, failure));
    assertEquals(List.of(100 * MS, 200 * MS, 400 * MS), time.pauses());
    assertEquals(700 * MS, time.nanoTime());
  }

  @Test
  void sleepsTheJitteredAndCappedPause() {
    RetryPolicy policy = RetryPolicy.builder(METHOD).maxAttempts(5).delayNanos(100 * MS).multiplier(2)
        .maxDelayNanos(300 * MS).jitter(0.5)
        .build(ChainmailContext.builder().clock(time).sleeper(time).random(() -> 0.0).build());
    assertTrue(policy.pauseBeforeRetry(1, failure));
    assertTrue(policy.pauseBeforeRetry(2, failure));
    assertTrue(policy.pauseBeforeRetry(3, failure));
    assertTrue(policy.pauseBeforeRetry(4, failure));
    assertEquals(List.of(50 * MS, 100 * MS, 200 * MS, 300 * MS), time.pauses());
  }

  @Test
  void stopsAtMaxAttemptsWithoutSleeping() {
    RetryPolicy policy = policy(RetryPolicy.builder(METHOD).maxAttempts(3).delayNanos(100 * MS));
    assertFalse(policy.pauseBeforeRetry(3, failure));
    assertFalse(policy.pauseBeforeRetry(4, failure));
    assertFalse(policy.pauseBeforeRetry(Integer.MAX_VALUE, failure));
    assertEquals(List.of(), time.pauses());
    assertEquals(0L, time.nanoTime());
  }

  @Test
  void singleAttemptNeverRetries() {
    RetryPolicy policy = policy(RetryPolicy.builder(METHOD).maxAttempts(1).delayNanos(100 * MS));
    assertFalse(policy.pauseBeforeRetry(1, failure));
    assertEquals(List.of(), time.pauses());
  }

  @Test
  void zeroPauseRetriesWithoutCallingTheSleeper() {
    RetryPolicy policy = policy(RetryPolicy.builder(METHOD).maxAttempts(3),
        nanos -> fail("a zero pause must not call the sleeper, got " + nanos));
    assertTrue(policy.pauseBeforeRetry(1, failure));
    assertTrue(policy.pauseBeforeRetry(2, failure));
    assertFalse(policy.pauseBeforeRetry(3, failure));
  }

  @Test
  void zeroPauseAfterCapRetriesWithoutCallingTheSleeper() {
    RetryPolicy policy = policy(RetryPolicy.builder(METHOD).maxAttempts(3).maxDelayNanos(0),
        nanos -> fail("a zero pause must not call the sleeper, got " + nanos));
    assertTrue(policy.pauseBeforeRetry(1, failure));
  }

  @Test
  void interruptedThreadStopsWithoutSleepingAndKeepsItsFlag() {
    RetryPolicy policy = policy(RetryPolicy.builder(METHOD).maxAttempts(3).delayNanos(100 * MS));
    Thread.currentThread().interrupt();
    assertFalse(policy.pauseBeforeRetry(1, failure));
    assertTrue(Thread.currentThread().isInterrupted());
    assertEquals(List.of(), time.pauses());
    assertEquals(0L, time.nanoTime());
    assertTrue(Thread.interrupted());
  }

  @Test
  void interruptedThreadStopsEvenWithZeroPause() {
    RetryPolicy policy = policy(RetryPolicy.builder(METHOD).maxAttempts(3),
        nanos -> fail("an interrupted thread must not sleep, got " + nanos));
    Thread.currentThread().interrupt();
    assertFalse(policy.pauseBeforeRetry(1, failure));
    assertTrue(Thread.interrupted());
  }

  @Test
  void interruptionDuringTheSleepStopsAndSetsTheFlag() {
    List<Long> sleeps = new ArrayList<>();
    RetryPolicy policy = policy(RetryPolicy.builder(METHOD).maxAttempts(3).delayNanos(100 * MS), nanos -> {
      sleeps.add(nanos);
      throw new InterruptedException("test");
    });
    assertFalse(Thread.currentThread().isInterrupted());
    assertFalse(policy.pauseBeforeRetry(1, failure));
    assertEquals(List.of(100 * MS), sleeps);
    assertTrue(Thread.interrupted());
  }

  @Test
  void rejectsAttemptBelowOneWhenAttemptsRemain() {
    RetryPolicy policy = policy(RetryPolicy.builder(METHOD).delayNanos(100 * MS));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> policy.pauseBeforeRetry(0, failure));
    assertEquals("attempt must be at least 1, was 0", e.getMessage());
    assertEquals(List.of(), time.pauses());
  }

  @Test
  void maxDurationContinuesWhenThePauseEndsBeforeTheLimit() {
    RetryPolicy policy = policy(RetryPolicy.builder(METHOD).maxAttempts(10).delayNanos(100 * MS)
        .maxDurationNanos(S));
    long start = time.nanoTime();
    time.advance(850 * MS);
    assertTrue(policy.pauseBeforeRetry(1, failure, start));
    assertEquals(List.of(100 * MS), time.pauses());
    assertEquals(950 * MS, time.nanoTime());
  }

  @Test
  void maxDurationStopsWhenElapsedPlusPauseWouldReachTheLimit() {
    RetryPolicy policy = policy(RetryPolicy.builder(METHOD).maxAttempts(10).delayNanos(100 * MS)
        .maxDurationNanos(S));
    long start = time.nanoTime();
    time.advance(850 * MS);
    assertTrue(policy.pauseBeforeRetry(1, failure, start));
    assertFalse(policy.pauseBeforeRetry(2, failure, start));
    assertEquals(List.of(100 * MS), time.pauses());
    assertEquals(950 * MS, time.nanoTime());
  }

  @Test
  void maxDurationBoundaryIsExclusive() {
    RetryPolicy.Builder builder = RetryPolicy.builder(METHOD).maxAttempts(10).delayNanos(100 * MS).maxDurationNanos(S);
    RetryPolicy policy = policy(builder);

    time.advance(900 * MS);
    assertFalse(policy.pauseBeforeRetry(1, failure, 0), "pause would end exactly at maxDuration");
    assertEquals(List.of(), time.pauses());

    VirtualTime other = new VirtualTime();
    RetryPolicy justInside = builder.build(ChainmailContext.builder().clock(other).sleeper(other).build());
    other.advance(900 * MS - 1);
    assertTrue(justInside.pauseBeforeRetry(1, failure, 0), "pause would end 1ns before maxDuration");
    assertEquals(List.of(100 * MS), other.pauses());
  }

  @Test
  void maxDurationIsMeasuredFromStartNanos() {
    RetryPolicy policy = policy(RetryPolicy.builder(METHOD).maxAttempts(10).delayNanos(100 * MS)
        .maxDurationNanos(S));
    time.advance(5 * S);
    long start = time.nanoTime();
    time.advance(800 * MS);
    assertTrue(policy.pauseBeforeRetry(1, failure, start));
    assertEquals(5_900 * MS, time.nanoTime());
    assertFalse(policy.pauseBeforeRetry(2, failure, start));
    assertEquals(5_900 * MS, time.nanoTime());
  }

  @Test
  void maxDurationStopsWithZeroPauseOnceElapsed() {
    RetryPolicy policy = policy(RetryPolicy.builder(METHOD).maxAttempts(10).maxDurationNanos(S));
    time.advance(S - 1);
    assertTrue(policy.pauseBeforeRetry(1, failure, 0));
    time.advance(1);
    assertFalse(policy.pauseBeforeRetry(2, failure, 0));
    time.advance(S);
    assertFalse(policy.pauseBeforeRetry(3, failure, 0));
    assertEquals(List.of(), time.pauses());
  }

  @Test
  void maxDurationWeighsTheJitteredPause() {
    RetryPolicy.Builder builder = RetryPolicy.builder(METHOD).maxAttempts(10).delayNanos(100 * MS).jitter(0.5)
        .maxDurationNanos(S);
    RetryPolicy shortPause = builder.build(ChainmailContext.builder().clock(time).sleeper(time)
        .random(() -> 0.0).build());
    RetryPolicy longPause = builder.build(ChainmailContext.builder().clock(time).sleeper(time)
        .random(() -> 0.999999).build());
    time.advance(900 * MS);
    assertFalse(longPause.pauseBeforeRetry(1, failure, 0));
    assertTrue(shortPause.pauseBeforeRetry(1, failure, 0));
    assertEquals(List.of(50 * MS), time.pauses());
  }

  @Test
  void maxDurationStillHonoursMaxAttempts() {
    RetryPolicy policy = policy(RetryPolicy.builder(METHOD).maxAttempts(2).delayNanos(MS).maxDurationNanos(S));
    assertTrue(policy.pauseBeforeRetry(1, failure, 0));
    assertFalse(policy.pauseBeforeRetry(2, failure, 0));
    assertEquals(List.of(MS), time.pauses());
  }

  @Test
  void maxDurationStopsOnAnOverflowedPause() {
    RetryPolicy policy = policy(RetryPolicy.builder(METHOD).maxAttempts(Integer.MAX_VALUE).delayNanos(S)
        .multiplier(Double.MAX_VALUE).maxDurationNanos(Long.MAX_VALUE - 1));
    assertTrue(policy.pauseBeforeRetry(1, failure, 0));
    assertFalse(policy.pauseBeforeRetry(2, failure, 0));
    assertEquals(List.of(S), time.pauses());
  }

  @Test
  void maxDurationFormHonoursInterruption() {
    RetryPolicy policy = policy(RetryPolicy.builder(METHOD).maxAttempts(3).delayNanos(MS).maxDurationNanos(S));
    Thread.currentThread().interrupt();
    assertFalse(policy.pauseBeforeRetry(1, failure, 0));
    assertEquals(List.of(), time.pauses());
    assertTrue(Thread.interrupted());
  }

  @Test
  void twoArgumentFormIgnoresMaxDuration() {
    RetryPolicy policy = policy(RetryPolicy.builder(METHOD).maxAttempts(3).delayNanos(100 * MS)
        .maxDurationNanos(S));
    time.advance(10 * S);
    assertTrue(policy.pauseBeforeRetry(1, failure));
    assertEquals(List.of(100 * MS), time.pauses());
  }

  @Test
  void timedFormWithoutALimitRetriesWhateverTheStart() {
    RetryPolicy policy = policy(RetryPolicy.builder(METHOD).delayNanos(5 * MS));
    assertTrue(policy.pauseBeforeRetry(1, failure, Long.MAX_VALUE));
    assertTrue(policy.pauseBeforeRetry(2, failure, 1));
    assertFalse(policy.pauseBeforeRetry(3, failure, 1));
    assertEquals(List.of(5 * MS, 5 * MS), time.pauses());
  }
}
