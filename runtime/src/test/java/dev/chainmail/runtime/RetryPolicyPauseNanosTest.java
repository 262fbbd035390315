package dev.chainmail.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryPolicyPauseNanosTest {

  private static final String METHOD = "p.X/m";
  private static final long MS = 1_000_000L;
  private static final long HOUR = 3_600_000_000_000L;
  private static final double JUST_UNDER_ONE = 0.999999;

  private static RetryPolicy policy(RetryPolicy.Builder builder, double random) {
    return builder.build(ChainmailContext.builder().random(() -> random).build());
  }

  private static RetryPolicy noRandom(RetryPolicy.Builder builder) {
    RandomSource unused = () -> fail("jitter is 0, so no random number should be drawn");
    return builder.build(ChainmailContext.builder().random(unused).build());
  }

  private static RetryPolicy.Builder builder() {
    return RetryPolicy.builder(METHOD);
  }

  @Test
  void noDelayMeansNoPause() {
    RetryPolicy policy = noRandom(builder());
    assertEquals(0L, policy.pauseNanos(1));
    assertEquals(0L, policy.pauseNanos(2));
    assertEquals(0L, policy.pauseNanos(1_000));
  }

  @Test
  void fixedDelayIsTheSameForEveryAttempt() {
    RetryPolicy policy = noRandom(builder().delayNanos(100 * MS));
    for (int attempt = 1; attempt <= 10; attempt++) {
      assertEquals(100 * MS, policy.pauseNanos(attempt), "attempt " + attempt);
    }
    assertEquals(100 * MS, policy.pauseNanos(Integer.MAX_VALUE));
  }

  @Test
  void multiplierGrowsThePauseExponentially() {
    RetryPolicy policy = noRandom(builder().delayNanos(100 * MS).multiplier(2));
    long[] expected = {100 * MS, 200 * MS, 400 * MS, 800 * MS, 1_600 * MS, 3_200 * MS};
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], policy.pauseNanos(i + 1), "attempt " + (i + 1));
    }
  }

  @Test
  void fractionalMultiplier() {
    RetryPolicy policy = noRandom(builder().delayNanos(100 * MS).multiplier(1.5));
    assertEquals(100_000_000L, policy.pauseNanos(1));
    assertEquals(150_000_000L, policy.pauseNanos(2));
    assertEquals(225_000_000L, policy.pauseNanos(3));
    assertEquals(337_500_000L, policy.pauseNanos(4));
  }

  @Test
  void maxDelayCapsThePause() {
    RetryPolicy policy = noRandom(builder().delayNanos(100 * MS).multiplier(2).maxDelayNanos(500 * MS));
    assertEquals(100 * MS, policy.pauseNanos(1));
    assertEquals(200 * MS, policy.pauseNanos(2));
    assertEquals(400 * MS, policy.pauseNanos(3));
    assertEquals(500 * MS, policy.pauseNanos(4));
    assertEquals(500 * MS, policy.pauseNanos(5));
    assertEquals(500 * MS, policy.pauseNanos(50));
    assertEquals(500 * MS, policy.pauseNanos(Integer.MAX_VALUE));
  }

  @Test
  void jitterWithLowestRandomShortensByTheJitterFraction() {
    assertEquals(75 * MS, policy(builder().delayNanos(100 * MS).jitter(0.25), 0.0).pauseNanos(1));
    assertEquals(50 * MS, policy(builder().delayNanos(100 * MS).jitter(0.5), 0.0).pauseNanos(1));
    assertEquals(90 * MS, policy(builder().delayNanos(100 * MS).jitter(0.1), 0.0).pauseNanos(1));
    assertEquals(0L, policy(builder().delayNanos(100 * MS).jitter(1.0), 0.0).pauseNanos(1));
  }

  @Test
  void jitterWithMiddleRandomKeepsThePause() {
    assertEquals(100 * MS, policy(builder().delayNanos(100 * MS).jitter(0.25), 0.5).pauseNanos(1));
    assertEquals(100 * MS, policy(builder().delayNanos(100 * MS).jitter(1.0), 0.5).pauseNanos(1));
  }

  @Test
  void jitterWithHighestRandomStaysJustUnderTheUpperBound() {
    long quarter = policy(builder().delayNanos(100 * MS).jitter(0.25), JUST_UNDER_ONE).pauseNanos(1);
    assertEquals(124_999_950L, quarter);
    assertTrue(quarter < 125 * MS);
    long half = policy(builder().delayNanos(100 * MS).jitter(0.5), JUST_UNDER_ONE).pauseNanos(1);
    assertEquals(149_999_900L, half);
    assertTrue(half < 150 * MS);
  }

  @Test
  void jitterScalesTheGrownPause() {
    RetryPolicy.Builder builder = builder().delayNanos(100 * MS).multiplier(2).jitter(0.25);
    assertEquals(300 * MS, policy(builder, 0.0).pauseNanos(3));
    assertEquals(400 * MS, policy(builder, 0.5).pauseNanos(3));
  }

  @Test
  void randomIsDrawnOncePerPause() {
    int[] draws = {0};
    RandomSource counting = () -> {
      draws[0]++;
      return 0.5;
    };
    RetryPolicy policy = builder().delayNanos(100 * MS).jitter(0.5)
        .build(ChainmailContext.builder().random(counting).build());
    policy.pauseNanos(1);
    policy.pauseNanos(2);
    policy.pauseNanos(3);
    assertEquals(3, draws[0]);
  }

  @Test
  void jitterIsAppliedBeforeTheCap() {
    RetryPolicy.Builder builder = builder().delayNanos(100 * MS).multiplier(2).maxDelayNanos(300 * MS).jitter(0.5);
    // 400ms grown, jittered down to 200ms: under the cap. Capping first would give 150ms.
    assertEquals(200 * MS, policy(builder, 0.0).pauseNanos(3));
    assertEquals(300 * MS, policy(builder, 0.5).pauseNanos(3));
    assertEquals(300 * MS, policy(builder, JUST_UNDER_ONE).pauseNanos(3));
  }

  @Test
  void jitterNeverExceedsMaxDelay() {
    RetryPolicy.Builder builder = builder().delayNanos(100 * MS).maxDelayNanos(100 * MS).jitter(1.0);
    assertEquals(100 * MS, policy(builder, JUST_UNDER_ONE).pauseNanos(1));
    assertEquals(100 * MS, policy(builder, 0.75).pauseNanos(1));
    assertEquals(50 * MS, policy(builder, 0.25).pauseNanos(1));
    for (int i = 0; i < 100; i++) {
      double random = i / 100.0;
      long pause = policy(builder, random).pauseNanos(1);
      assertTrue(pause >= 0 && pause <= 100 * MS, "random " + random + " gave " + pause);
    }
  }

  @Test
  void overflowClampsToLongMaxValue() {
    RetryPolicy policy = noRandom(builder().delayNanos(HOUR).multiplier(Double.MAX_VALUE));
    assertEquals(HOUR, policy.pauseNanos(1));
    assertEquals(Long.MAX_VALUE, policy.pauseNanos(2));
    assertEquals(Long.MAX_VALUE, policy.pauseNanos(1_000));
    assertEquals(Long.MAX_VALUE, policy.pauseNanos(Integer.MAX_VALUE));
  }

  @Test
  void overflowIsStillCappedByMaxDelay() {
    RetryPolicy policy = noRandom(builder().delayNanos(HOUR).multiplier(Double.MAX_VALUE).maxDelayNanos(2 * HOUR));
    assertEquals(HOUR, policy.pauseNanos(1));
    assertEquals(2 * HOUR, policy.pauseNanos(2));
    assertEquals(2 * HOUR, policy.pauseNanos(Integer.MAX_VALUE));
  }

  @Test
  void overflowWithJitterClamps() {
    RetryPolicy.Builder builder = builder().delayNanos(HOUR).multiplier(10).jitter(0.5);
    assertEquals(Long.MAX_VALUE, policy(builder, 0.0).pauseNanos(100));
    assertEquals(Long.MAX_VALUE, policy(builder, JUST_UNDER_ONE).pauseNanos(100));
    assertEquals(4_611_686_018_427_387_904L,
        policy(builder().delayNanos(Long.MAX_VALUE).jitter(0.5), 0.0).pauseNanos(1));
    assertEquals(Long.MAX_VALUE, policy(builder().delayNanos(Long.MAX_VALUE).jitter(0.5), JUST_UNDER_ONE).pauseNanos(1));
  }

  @Test
  void manyAttemptsNeverGoNegativeOrDown() {
    RetryPolicy policy = noRandom(builder().delayNanos(1).multiplier(10));
    long previous = 0;
    for (int attempt = 1; attempt <= 400; attempt++) {
      long pause = policy.pauseNanos(attempt);
      assertTrue(pause >= previous, "attempt " + attempt + " gave " + pause + " after " + previous);
      previous = pause;
    }
    assertEquals(1_000_000_000L, policy.pauseNanos(10));
    assertEquals(Long.MAX_VALUE, previous);
  }

  @ParameterizedTest(name = "pauseNanos({0})")
  @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
  void rejectsAttemptBelowOne(int attempt) {
    RetryPolicy policy = noRandom(builder().delayNanos(100 * MS));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> policy.pauseNanos(attempt));
    assertEquals("attempt must be at least 1, was " + attempt, e.getMessage());
  }
}
