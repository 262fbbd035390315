package dev.chainmail.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainmail.runtime.BulkheadFullException;
import dev.chainmail.runtime.ChainmailConfig;
import dev.chainmail.runtime.ChainmailContext;
import dev.chainmail.runtime.RateLimitedException;
import dev.chainmail.runtime.ResilienceException;
import dev.chainmail.runtime.TimeoutExceededException;
import dev.chainmail.runtime.VirtualTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code @Bulkhead}, {@code @RateLimit} and {@code @Timeout} through real proxies, in virtual time. */
class LimitBehaviourTest {

  private static final long SECOND = 1_000_000_000L;
  private static final String CHAIN = "dev.chainmail.behaviour.LimitChain/";

  private final VirtualTime time = new VirtualTime();
  private final ChainmailContext context = ChainmailContext.builder().clock(time).sleeper(time).build();

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  private ResilientLimitChain chain() {
    return new ResilientLimitChain(context);
  }

  @Test
  void aFullBulkheadRejectsWithoutCallingAndFreesItsPermitOnReturn() {
    ResilientLimitChain chain = chain();
    BulkheadFullException[] nested = new BulkheadFullException[1];
    chain.during = () -> nested[0] = assertThrows(BulkheadFullException.class, chain::single);

    assertEquals("single#1", chain.single());

    assertEquals(1, chain.script.calls(), "the rejected call never ran");
    assertTrue(nested[0].getMessage().contains(CHAIN + "single"), nested[0].getMessage());
    assertEquals("single#2", chain.single(), "the permit came back");
  }

  @Test
  void aFailedCallGivesItsBulkheadPermitBack() {
    ResilientLimitChain chain = chain();
    chain.script.failWith(new IllegalStateException("down"));
    assertThrows(IllegalStateException.class, chain::single);

    assertEquals("single#2", chain.single());
  }

  @Test
  void theRateLimitGrantsItsPermitsPerWindowAndNoMore() {
    ResilientLimitChain chain = chain();
    assertEquals("twoPerSecond#1", chain.twoPerSecond());
    time.advance(SECOND / 2);
    assertEquals("twoPerSecond#2", chain.twoPerSecond());

    RateLimitedException limited = assertThrows(RateLimitedException.class, chain::twoPerSecond);
    assertTrue(limited.getMessage().contains(CHAIN + "twoPerSecond"), limited.getMessage());
    assertEquals(2, chain.script.calls());

    time.advance(SECOND / 2);
    assertEquals("twoPerSecond#3", chain.twoPerSecond(), "the first permit left the window");
    assertThrows(RateLimitedException.class, chain::twoPerSecond, "the second is still in it");
  }

  @Test
  void aCallerWaitsForAPermitWithinMaxWait() {
    ResilientLimitChain chain = chain();
    assertEquals("waits#1", chain.waits());
    time.advance(SECOND / 4);

    assertEquals("waits#2", chain.waits());

    assertEquals(List.of(3 * SECOND / 4), time.pauses(), "waited until the first permit left the window");
  }

  @Test
  void aNamedLimitIsSharedByEveryMethodThatUsesIt() {
    ResilientLimitChain chain = chain();
    assertEquals("providerOne", chain.providerOne());

    assertThrows(RateLimitedException.class, chain::providerTwo);
    assertThrows(RateLimitedException.class, () -> chain().providerOne(), "and by every proxy of the context");
  }

  @Test
  void aTimedOutCallThrowsWithItsFailureAsCauseAndLeavesNoInterrupt() {
    ResilientLimitChain chain = chain();

    TimeoutExceededException timedOut = assertThrows(TimeoutExceededException.class,
        () -> chain.timed(() -> time.advance(2 * SECOND)));

    assertInstanceOf(InterruptedException.class, timedOut.getCause(), "the method saw the watchdog's interrupt");
    assertTrue(timedOut.getMessage().contains(CHAIN + "timed"), timedOut.getMessage());
    assertFalse(Thread.currentThread().isInterrupted(), "the watchdog's interrupt was cleared");
  }

  @Test
  void aCallThatIgnoresTheInterruptAndReturnsLateStillTimesOut() {
    ResilientLimitChain chain = chain();

    assertThrows(TimeoutExceededException.class, () -> chain.typeLevel(() -> time.advance(6 * SECOND)));

    assertFalse(Thread.currentThread().isInterrupted());
  }

  @Test
  void aCallWithinItsTimeoutReturns() throws InterruptedException {
    ResilientLimitChain chain = chain();
    assertEquals("timed#1", chain.timed(() -> time.advance(SECOND - 1)));
    assertEquals("typeLevel", chain.typeLevel(() -> time.advance(4 * SECOND)));
  }

  @Test
  void anInterruptFromElsewhereIsKept() throws InterruptedException {
    ResilientLimitChain chain = chain();
    assertEquals("typeLevel", chain.typeLevel(() -> Thread.currentThread().interrupt()));
    assertTrue(Thread.interrupted(), "the caller's own interrupt is not the proxy's to clear");
  }

  @Test
  void aTypeLevelTimeoutStillAppliesUnderAMethodLevelBulkhead() {
    ResilientLimitChain chain = chain();
    assertThrows(TimeoutExceededException.class, () -> chain.bothLevels(() -> time.advance(6 * SECOND)));
  }

  @Test
  void aMethodLevelTimeoutReplacesTheTypeLevelOne() {
    ResilientLimitChain chain = chain();
    assertThrows(TimeoutExceededException.class, () -> chain.timed(() -> time.advance(1500_000_000L)));
  }

  @Test
  void configOverridesEveryLimit() {
    ChainmailContext configured = ChainmailContext.builder().clock(time).sleeper(time)
        .config(ChainmailConfig.of(Map.of(
            CHAIN + "twoPerSecond/RateLimit/value", "1",
            CHAIN + "timed/Timeout/value", "3s",
            CHAIN + "single/Bulkhead/value", "2")))
        .build();
    ResilientLimitChain chain = new ResilientLimitChain(configured);

    chain.twoPerSecond();
    assertThrows(RateLimitedException.class, chain::twoPerSecond);
    assertEquals("timed#2", assertDoesNotTimeOut(chain));
    chain.during = chain::single;
    assertEquals("single#4", chain.single(), "two calls may now hold the bulkhead at once");
  }

  private String assertDoesNotTimeOut(ResilientLimitChain chain) {
    try {
      return chain.timed(() -> time.advance(2 * SECOND));
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void everyRejectionIsAResilienceException() {
    ResilientLimitChain chain = chain();
    chain.twoPerSecond();
    chain.twoPerSecond();
    ResilienceException rejected = assertThrows(ResilienceException.class, chain::twoPerSecond);
    assertEquals(CHAIN + "twoPerSecond", rejected.method());
  }
}
