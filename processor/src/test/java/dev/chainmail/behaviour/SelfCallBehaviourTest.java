package dev.chainmail.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.chainmail.runtime.ChainmailContext;
import dev.chainmail.runtime.VirtualTime;
import org.junit.jupiter.api.Test;

/** In a class chain, a guarded method called through {@code this} is guarded too. */
class SelfCallBehaviourTest {

  private final VirtualTime time = new VirtualTime();
  private final ResilientSelfCallChain chain = new ResilientSelfCallChain(
      ChainmailContext.builder().clock(time).sleeper(time).random(() -> 0.5).build());

  @Test
  void aGuardedMethodCalledFromAnUnguardedPublicMethodIsRetried() {
    chain.script.failWith(new IllegalStateException("1"), new IllegalStateException("2"));

    assertEquals("outer(guarded#3)", chain.outer());

    assertEquals(3, chain.script.calls());
  }

  @Test
  void aGuardedMethodCalledFromAPackagePrivateMethodIsRetried() {
    chain.script.failWith(new IllegalStateException("1"), new IllegalStateException("2"));

    assertEquals("packageOuter(guarded#3)", chain.packageOuter());

    assertEquals(3, chain.script.calls());
  }

  @Test
  void aSelfCallPropagatesTheLastFailureAfterMaxAttempts() {
    IllegalStateException last = new IllegalStateException("3");
    chain.script.failWith(new IllegalStateException("1"), new IllegalStateException("2"), last,
        new IllegalStateException("never thrown"));

    assertSame(last, assertThrows(IllegalStateException.class, chain::outer));

    assertEquals(3, chain.script.calls());
  }
}
