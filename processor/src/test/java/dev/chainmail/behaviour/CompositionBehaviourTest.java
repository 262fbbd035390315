package dev.chainmail.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.chainmail.runtime.ChainmailContext;
import dev.chainmail.runtime.CircuitBreakerOpenException;
import dev.chainmail.runtime.RateLimitedException;
import dev.chainmail.runtime.VirtualTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The nesting order, outermost first: {@code @Fallback} › {@code @Retry} › {@code @CircuitBreaker} ›
 * {@code @RateLimit} › {@code @Timeout} › {@code @Bulkhead} › the call. Each test shows one boundary of it.
 */
class CompositionBehaviourTest {

  private static final long SECOND = 1_000_000_000L;

  private final VirtualTime time = new VirtualTime();
  private final ResilientCompositionChain chain =
      new ResilientCompositionChain(ChainmailContext.builder().clock(time).sleeper(time).build());

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  @Test
  void everyRetryAttemptPassesThroughTheBreaker() {
    chain.script.failWith(Failures.numbered(3));

    assertThrows(CircuitBreakerOpenException.class, chain::retriedThroughBreaker,
        "two failed attempts opened the breaker, which rejected the third");

    assertEquals(2, chain.script.calls());
  }

  @Test
  void anOpenBreakerIsRetriedOnlyIfRetryOnSaysSo() {
    chain.script.failWith(Failures.numbered(1));

    assertThrows(CircuitBreakerOpenException.class, chain::notRetriedWhenOpen);

    assertEquals(1, chain.script.calls(), "the rejection ended the retries at once");
  }

  @Test
  void theFallbackAnswersForTheGuardsRejections() {
    assertEquals("fallsBack#1", chain.fallsBack());

    assertEquals("recovered", chain.fallsBack());
    assertInstanceOf(RateLimitedException.class, chain.fallbackCauses.get(0));
    assertEquals("recovered", chain.fallsBack());
    assertInstanceOf(CircuitBreakerOpenException.class, chain.fallbackCauses.get(1),
        "the rate limiter's rejection counted as a breaker failure and opened it");
    assertEquals(1, chain.script.calls());
  }

  @Test
  void everyRetryAttemptTakesARateLimitPermit() {
    chain.script.failWith(Failures.numbered(2));

    assertThrows(RateLimitedException.class, chain::retriedThroughLimit);

    assertEquals(2, chain.script.calls());
  }

  @Test
  void theTimeoutBoundsEachAttemptAlone() {
    int[] attempt = {0};
    BreakerChain.VirtualClockStep step = () -> time.advance(++attempt[0] < 3 ? 2 * SECOND : SECOND / 2);

    assertEquals("retriedTimeout#3", chain.retriedTimeout(step));

    assertEquals(4 * SECOND + SECOND / 2, time.nanoTime(), "the whole call took longer than one timeout");
  }

  @Test
  void everyGuardStackedSucceedsAndRecovers() {
    assertEquals("everything#1", chain.everything());
    chain.script.failWith(Failures.numbered(2));
    assertEquals("recovered", chain.everything());
    assertEquals(3, chain.script.calls());
  }
}
