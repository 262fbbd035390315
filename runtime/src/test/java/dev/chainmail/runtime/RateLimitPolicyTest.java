package dev.chainmail.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RateLimitPolicyTest {

  private static final String METHOD = "com.example.Chain/answer";
  private static final long MS = 1_000_000L;
  private static final long S = 1_000_000_000L;

  private final VirtualTime time = new VirtualTime();
  private final ChainmailContext context = ChainmailContext.builder().clock(time).sleeper(time).build();

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  private static ChainmailContext config(Map<String, String> config) {
    return ChainmailContext.builder().config(ChainmailConfig.of(config)).build();
  }

  private RateLimitPolicy limiter(int permits, String window, String maxWait) {
    return RateLimitPolicy.builder(METHOD).permits(permits).window(window).maxWait(maxWait).build(context);
  }

  /** Asserts that no interval of {@code window} holds more than {@code permits} of the sorted grants. */
  static void assertStrict(List<Long> sortedGrants, int permits, long window) {
    for (int i = permits; i < sortedGrants.size(); i++) {
      long span = sortedGrants.get(i) - sortedGrants.get(i - permits);
      assertTrue(span >= window, "grants " + (i - permits) + " and " + i + " are only " + span + "ns apart");
    }
  }

  @Test
  void defaultsAndToString() {
    RateLimitPolicy limiter = RateLimitPolicy.builder(METHOD).build(context);
    assertEquals(1, limiter.permits());
    assertEquals(S, limiter.windowNanos());
    assertEquals(0L, limiter.maxWaitNanos());
    assertEquals("", limiter.name());
    assertEquals(METHOD, limiter.method());
    assertEquals("RateLimitPolicy[com.example.Chain/answer: permits=1, window=1s, maxWait=0ms]", limiter.toString());
    assertEquals("RateLimitPolicy[api: permits=5, window=1m, maxWait=20ms]", RateLimitPolicy.builder(METHOD)
        .permits(5).window("1m").maxWait("20ms").name("api").build(context).toString());
  }

  @Test
  void builderChecksEachValue() {
    RateLimitPolicy.Builder builder = RateLimitPolicy.builder(METHOD);
    assertEquals(METHOD + ": permits must be at least 1, was 0",
        assertThrows(ConfigurationException.class, () -> builder.permits(0)).getMessage());
    assertEquals(METHOD + ": window must be positive, was 0ns",
        assertThrows(ConfigurationException.class, () -> builder.windowNanos(0)).getMessage());
    assertEquals(METHOD + ": window must be positive, was 0ns",
        assertThrows(ConfigurationException.class, () -> builder.window("0s")).getMessage());
    assertEquals(METHOD + ": maxWait must not be negative, was -2ns",
        assertThrows(ConfigurationException.class, () -> builder.maxWaitNanos(-2)).getMessage());
    assertTrue(assertThrows(ConfigurationException.class, () -> builder.window("1 second")).getMessage()
        .startsWith(METHOD + ": window '1 second' is not a duration"));
    assertThrows(ConfigurationException.class, () -> builder.name(null));
    assertEquals("context", assertThrows(NullPointerException.class, () -> builder.build(null)).getMessage());
  }

  @Test
  void overridesEveryKey() {
    RateLimitPolicy limiter = RateLimitPolicy.builder(METHOD).permits(2).build(config(Map.of(
        METHOD + "/RateLimit/value", "50", METHOD + "/RateLimit/window", "PT1M", METHOD + "/RateLimit/maxWait",
        "3s")));
    assertEquals(50, limiter.permits());
    assertEquals(60 * S, limiter.windowNanos());
    assertEquals(3 * S, limiter.maxWaitNanos());
  }

  @ParameterizedTest(name = "{0} = ''{1}''")
  @CsvSource(delimiter = '|', value = {
      "value | 0 | permits must be at least 1, was 0",
      "value | 1e3 | '1e3' is not a whole number",
      "window | 0ms | window must be positive, was 0ns",
      "window | fast | 'fast' is not a duration",
      "maxWait | -1ms | is negative",
  })
  void badOverrideNamesTheKeyAndValue(String attribute, String value, String reason) {
    String key = METHOD + "/RateLimit/" + attribute;
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> RateLimitPolicy.builder(METHOD).build(config(Map.of(key, value))));
    assertTrue(e.getMessage().startsWith("config key " + key + " = '" + value + "' is invalid: "), e.getMessage());
    assertTrue(e.getMessage().contains(reason), e.getMessage());
  }

  @Test
  void grantsUpToThePermitsThenRejectsWithTheWaitLeft() {
    RateLimitPolicy limiter = limiter(3, "1s", "0ms");
    assertEquals(0L, limiter.acquire());
    assertEquals(0L, limiter.acquire());
    time.advance(100 * MS);
    assertEquals(100 * MS, limiter.acquire());
    RateLimitedException e = assertThrows(RateLimitedException.class, limiter::acquire);
    assertEquals("com.example.Chain/answer: rate limit of 3 per 1s reached; the next permit is free in 900ms, past "
        + "maxWait 0ms", e.getMessage());
    assertEquals(METHOD, e.method());
    assertNull(e.getCause());
    time.advance(900 * MS - 1);
    assertThrows(RateLimitedException.class, limiter::acquire);
    time.advance(1);
    assertEquals(S, limiter.acquire());
    assertEquals(S, limiter.acquire(), "the second grant of time 0 left the window at 1s too");
    assertEquals("com.example.Chain/answer: rate limit of 3 per 1s reached; the next permit is free in 100ms, past "
        + "maxWait 0ms", assertThrows(RateLimitedException.class, limiter::acquire).getMessage());
    assertEquals(List.of(), time.pauses());
  }

  @Test
  void theWindowSlidesRatherThanResetting() {
    RateLimitPolicy limiter = limiter(2, "1s", "0ms");
    time.advance(900 * MS);
    limiter.acquire();
    limiter.acquire();
    time.advance(200 * MS);
    assertThrows(RateLimitedException.class, limiter::acquire, "a fixed window would have reset at 1s");
    time.advance(800 * MS);
    assertEquals(1900 * MS, limiter.acquire());
  }

  @Test
  void aPermitWithinMaxWaitIsReservedAndWaitedFor() {
    RateLimitPolicy limiter = limiter(1, "1s", "500ms");
    assertEquals(0L, limiter.acquire());
    time.advance(600 * MS);
    assertEquals(S, limiter.acquire());
    assertEquals(List.of(400 * MS), time.pauses());
    assertEquals(S, time.nanoTime());
    RateLimitedException e = assertThrows(RateLimitedException.class, limiter::acquire);
    assertEquals("com.example.Chain/answer: rate limit of 1 per 1s reached; the next permit is free in 1.0s, past "
        + "maxWait 500ms", e.getMessage());
    time.advance(500 * MS);
    assertEquals(2 * S, limiter.acquire(), "the rejected call reserved nothing");
  }

  @Test
  void reservationsQueueUpInTheFutureUpToMaxWait() {
    List<Long> sleeps = new ArrayList<>();
    ChainmailContext noAdvance = ChainmailContext.builder().clock(time).sleeper(sleeps::add).build();
    RateLimitPolicy limiter = RateLimitPolicy.builder(METHOD).permits(2).window("1s").maxWait("2s")
        .build(noAdvance);
    List<Long> grants = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      grants.add(limiter.acquire());
    }
    assertEquals(List.of(0L, 0L, S, S, 2 * S, 2 * S), grants);
    assertEquals(List.of(S, S, 2 * S, 2 * S), sleeps);
    assertEquals("com.example.Chain/answer: rate limit of 2 per 1s reached; the next permit is free in 3.0s, past "
        + "maxWait 2s", assertThrows(RateLimitedException.class, limiter::acquire).getMessage());
    time.advance(1500 * MS);
    assertEquals(3 * S, limiter.acquire());
  }

  @Test
  void anInterruptDuringThePauseKeepsTheFlagAndSpendsThePermit() {
    RateLimitPolicy limiter = RateLimitPolicy.builder(METHOD).permits(1).window("1s").maxWait("5s")
        .build(ChainmailContext.builder().clock(time).sleeper(nanos -> {
          throw new InterruptedException("test");
        }).build());
    limiter.acquire();
    RateLimitedException e = assertThrows(RateLimitedException.class, limiter::acquire);
    assertEquals("com.example.Chain/answer: rate limit of 1 per 1s reached; interrupted while pausing 1.0s for a "
        + "reserved permit, which is spent", e.getMessage());
    assertInstanceOf(InterruptedException.class, e.getCause());
    assertTrue(Thread.interrupted());
    time.advance(S);
    assertThrows(RateLimitedException.class, limiter::acquire, "the permit of 1s was spent; the next is at 2s");
  }

  @Test
  void anInterruptedThreadDoesNotPauseButMayTakeAFreePermit() {
    RateLimitPolicy limiter = limiter(1, "1s", "5s");
    Thread.currentThread().interrupt();
    assertEquals(0L, limiter.acquire());
    RateLimitedException e = assertThrows(RateLimitedException.class, limiter::acquire);
    assertNull(e.getCause());
    assertTrue(Thread.currentThread().isInterrupted());
    assertEquals(List.of(), time.pauses());
  }

  @Test
  void randomTrafficNeverBreaksTheLimit() {
    SplittableRandom random = new SplittableRandom(42);
    RateLimitPolicy limiter = limiter(7, "100ms", "30ms");
    List<Long> grants = new ArrayList<>();
    int rejected = 0;
    for (int i = 0; i < 20_000; i++) {
      time.advance(random.nextLong(20 * MS));
      try {
        grants.add(limiter.acquire());
      } catch (RateLimitedException e) {
        rejected++;
      }
    }
    assertTrue(rejected > 0 && grants.size() > 1_000, rejected + " rejected, " + grants.size() + " granted");
    for (int i = 1; i < grants.size(); i++) {
      assertTrue(grants.get(i) >= grants.get(i - 1), "grants never decrease");
    }
    assertStrict(grants, 7, 100 * MS);
  }
}
