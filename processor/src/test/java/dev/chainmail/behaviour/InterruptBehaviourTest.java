package dev.chainmail.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainmail.runtime.ChainmailContext;
import dev.chainmail.runtime.Sleeper;
import dev.chainmail.runtime.VirtualTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An interrupted thread stops retrying at once, keeps its interrupt flag, and gets the last failure. */
class InterruptBehaviourTest {

  private static final long MS = 1_000_000L;

  private final VirtualTime time = new VirtualTime();

  @AfterEach
  void clearInterruptFlag() {
    Thread.interrupted();
  }

  private ResilientInterruptChain chain(Sleeper sleeper) {
    return new ResilientInterruptChain(
        ChainmailContext.builder().clock(time).sleeper(sleeper).random(() -> 0.5).build());
  }

  private static void interruptCurrentThread() {
    Thread.currentThread().interrupt();
  }

  @Test
  void anInterruptDuringTheCallStopsRetryingWithNoDelay() {
    ResilientInterruptChain chain = chain(time);
    IllegalStateException first = new IllegalStateException("1");
    chain.script.onEachCall(InterruptBehaviourTest::interruptCurrentThread)
        .failWith(first, new IllegalStateException("2"));

    IllegalStateException thrown = assertThrows(IllegalStateException.class, chain::noDelay);

    boolean interrupted = Thread.currentThread().isInterrupted();
    assertSame(first, thrown);
    assertEquals(1, chain.script.calls());
    assertTrue(interrupted, "the interrupt flag stays set");
    assertTrue(Thread.interrupted());
  }

  @Test
  void anInterruptDuringTheCallStopsRetryingBeforeThePause() {
    ResilientInterruptChain chain = chain(time);
    IllegalStateException first = new IllegalStateException("1");
    chain.script.onEachCall(InterruptBehaviourTest::interruptCurrentThread)
        .failWith(first, new IllegalStateException("2"));

    IllegalStateException thrown = assertThrows(IllegalStateException.class, chain::withDelay);

    boolean interrupted = Thread.currentThread().isInterrupted();
    assertSame(first, thrown);
    assertEquals(1, chain.script.calls());
    assertEquals(List.of(), time.pauses(), "no pause is taken");
    assertTrue(interrupted, "the interrupt flag stays set");
    assertTrue(Thread.interrupted());
  }

  @Test
  void aSleeperInterruptedDuringThePauseStopsRetryingAndTheFlagIsSetAgain() {
    List<Long> sleeps = new ArrayList<>();
    ResilientInterruptChain chain = chain(nanos -> {
      sleeps.add(nanos);
      throw new InterruptedException("interrupted while pausing");
    });
    IllegalStateException first = new IllegalStateException("1");
    chain.script.failWith(first, new IllegalStateException("2"));

    IllegalStateException thrown = assertThrows(IllegalStateException.class, chain::withDelay);

    boolean interrupted = Thread.currentThread().isInterrupted();
    assertSame(first, thrown);
    assertEquals(1, chain.script.calls());
    assertEquals(List.of(100 * MS), sleeps);
    assertTrue(interrupted, "the interrupt the sleeper consumed is restored");
    assertTrue(Thread.interrupted());
  }

  @Test
  void anInterruptDuringALaterPausePropagatesThatAttemptsFailure() {
    List<Long> sleeps = new ArrayList<>();
    ResilientInterruptChain chain = chain(nanos -> {
      sleeps.add(nanos);
      if (sleeps.size() == 2) {
        throw new InterruptedException("interrupted during the second pause");
      }
    });
    IllegalStateException second = new IllegalStateException("2");
    chain.script.failWith(new IllegalStateException("1"), second, new IllegalStateException("3"));

    IllegalStateException thrown = assertThrows(IllegalStateException.class, chain::withDelay);

    boolean interrupted = Thread.currentThread().isInterrupted();
    assertSame(second, thrown);
    assertEquals(2, chain.script.calls());
    assertEquals(List.of(100 * MS, 100 * MS), sleeps);
    assertTrue(interrupted);
    assertTrue(Thread.interrupted());
  }

  @Test
  void aCallerThatIsAlreadyInterruptedGetsOneAttempt() {
    ResilientInterruptChain chain = chain(time);
    IllegalStateException first = new IllegalStateException("1");
    chain.script.failWith(first, new IllegalStateException("2"));
    Thread.currentThread().interrupt();

    IllegalStateException thrown = assertThrows(IllegalStateException.class, chain::withDelay);

    boolean interrupted = Thread.currentThread().isInterrupted();
    assertSame(first, thrown);
    assertEquals(1, chain.script.calls());
    assertEquals(List.of(), time.pauses());
    assertTrue(interrupted);
    assertTrue(Thread.interrupted());
  }

  @Test
  void anInterruptedCallThatSucceedsReturnsAndKeepsTheFlag() {
    ResilientInterruptChain chain = chain(time);
    chain.script.onEachCall(InterruptBehaviourTest::interruptCurrentThread);

    assertEquals("withDelay#1", chain.withDelay());

    boolean interrupted = Thread.currentThread().isInterrupted();
    assertEquals(1, chain.script.calls());
    assertTrue(interrupted);
    assertTrue(Thread.interrupted());
  }

  @Test
  void theFallbackStillAnswersAFailureWhoseRetryWasInterrupted() {
    ResilientInterruptChain chain = chain(time);
    IllegalStateException first = new IllegalStateException("1");
    chain.script.onEachCall(InterruptBehaviourTest::interruptCurrentThread)
        .failWith(first, new IllegalStateException("2"));

    assertEquals("recovered", chain.withFallback());

    boolean interrupted = Thread.currentThread().isInterrupted();
    assertEquals(1, chain.script.calls());
    assertEquals(1, chain.fallbackCalls);
    assertSame(first, chain.fallbackReceived);
    assertEquals(List.of(), time.pauses());
    assertTrue(interrupted, "the interrupt flag stays set through the fallback");
    assertTrue(Thread.interrupted());
    assertFalse(Thread.currentThread().isInterrupted());
  }
}
