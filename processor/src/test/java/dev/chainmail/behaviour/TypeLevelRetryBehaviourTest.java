package dev.chainmail.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.chainmail.runtime.ChainmailContext;
import dev.chainmail.runtime.VirtualTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A type-level {@code @Retry(maxAttempts = 3, delay = "50ms")} on a class, and what it does not cover. */
class TypeLevelRetryBehaviourTest {

  private static final long MS = 1_000_000L;

  private final VirtualTime time = new VirtualTime();
  private final ResilientTypeLevelChain chain = new ResilientTypeLevelChain(
      ChainmailContext.builder().clock(time).sleeper(time).random(() -> 0.5).build());

  @Test
  void thePublicMethodWithoutItsOwnRetryTakesTheTypeLevelOne() {
    IllegalStateException[] failures = Failures.numbered(5);
    chain.script.failWith(failures);

    assertSame(failures[2], assertThrows(IllegalStateException.class, chain::inherited));

    assertEquals(3, chain.script.calls());
    assertEquals(List.of(50 * MS, 50 * MS), time.pauses());
  }

  @Test
  void aMethodLevelRetryReplacesTheTypeLevelOneWhole() {
    IllegalStateException[] failures = Failures.numbered(6);
    chain.script.failWith(failures);

    assertSame(failures[4], assertThrows(IllegalStateException.class, chain::own));

    assertEquals(5, chain.script.calls());
    assertEquals(List.of(), time.pauses(), "the type-level delay is not merged into the method's @Retry");
  }

  @Test
  void aPackagePrivateMethodIsNotGuardedByTheTypeLevelRetry() {
    IllegalStateException[] failures = Failures.numbered(3);
    chain.script.failWith(failures);

    assertSame(failures[0], assertThrows(IllegalStateException.class, chain::packagePrivate));

    assertEquals(1, chain.script.calls());
  }

  @Test
  void aProtectedMethodIsNotGuardedByTheTypeLevelRetry() {
    IllegalStateException[] failures = Failures.numbered(3);
    chain.script.failWith(failures);

    assertSame(failures[0], assertThrows(IllegalStateException.class, chain::protectedOne));

    assertEquals(1, chain.script.calls());
  }

  @Test
  void aFinalMethodIsNotGuardedByTheTypeLevelRetry() {
    IllegalStateException[] failures = Failures.numbered(3);
    chain.script.failWith(failures);

    assertSame(failures[0], assertThrows(IllegalStateException.class, chain::finalOne));

    assertEquals(1, chain.script.calls());
  }

  @Test
  void aFallbackOnAMethodCoveredByTheTypeLevelRetryRunsAfterItsRetries() {
    TypeLevelFallbackChain fallbackChain = new ResilientTypeLevelFallbackChain(
        ChainmailContext.builder().clock(time).sleeper(time).random(() -> 0.5).build());
    fallbackChain.script.failWith(Failures.numbered(3));

    assertEquals("recovered failure 3", fallbackChain.fetch());

    assertEquals(3, fallbackChain.script.calls());
    assertEquals(1, fallbackChain.fallbackCalls);
  }

  @Test
  void aFallbackThatThrowsRunsOnceEvenWhenTheTypeLevelRetryCoversIt() {
    TypeLevelFallbackChain fallbackChain = new ResilientTypeLevelFallbackChain(
        ChainmailContext.builder().clock(time).sleeper(time).random(() -> 0.5).build());
    fallbackChain.script.failWith(Failures.numbered(3));
    IllegalArgumentException fromFallback = new IllegalArgumentException("the fallback failed");
    fallbackChain.fallbackFailure = fromFallback;

    assertSame(fromFallback, assertThrows(IllegalArgumentException.class, fallbackChain::fetch));

    assertEquals(3, fallbackChain.script.calls());
    assertEquals(1, fallbackChain.fallbackCalls, "the fallback runs once");
  }
}
