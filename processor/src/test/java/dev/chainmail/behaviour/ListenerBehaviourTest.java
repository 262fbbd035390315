package dev.chainmail.behaviour;

import static dev.chainmail.behaviour.RecordingListener.exhausted;
import static dev.chainmail.behaviour.RecordingListener.fallback;
import static dev.chainmail.behaviour.RecordingListener.retry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainmail.runtime.ChainmailContext;
import dev.chainmail.runtime.VirtualTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a {@code ChainmailListener} in the context hears from a proxy. */
class ListenerBehaviourTest {

  private static final long MS = 1_000_000L;
  private static final String FETCH = "dev.chainmail.behaviour.ListenedChain/fetch";
  private static final String UNRECOVERED = "dev.chainmail.behaviour.ListenedChain/unrecovered";

  private final VirtualTime time = new VirtualTime();
  private final RecordingListener listener = new RecordingListener();
  private final ResilientListenedChain chain = new ResilientListenedChain(
      ChainmailContext.builder().clock(time).sleeper(time).random(() -> 0.5).listener(listener).build());

  @AfterEach
  void clearInterruptFlag() {
    Thread.interrupted();
  }

  @Test
  void nothingIsHeardWhenTheFirstAttemptSucceeds() {
    assertEquals("fetched#1", chain.fetch());

    assertEquals(List.of(), listener.events());
  }

  @Test
  void eachRetryIsHeardWithItsAttemptFailureAndPause() {
    IllegalStateException first = new IllegalStateException("1");
    IllegalStateException second = new IllegalStateException("2");
    chain.script.failWith(first, second);

    assertEquals("fetched#3", chain.fetch());

    List<RecordingListener.Event> events = listener.events();
    assertEquals(List.of(retry(FETCH, 1, first, 10 * MS), retry(FETCH, 2, second, 20 * MS)), events);
    assertSame(first, events.get(0).failure());
    assertSame(second, events.get(1).failure());
  }

  @Test
  void retriesThenExhaustionThenFallbackAreHeardInOrder() {
    IllegalStateException first = new IllegalStateException("1");
    IllegalStateException second = new IllegalStateException("2");
    IllegalStateException third = new IllegalStateException("3");
    chain.script.failWith(first, second, third);

    assertEquals("recovered", chain.fetch());

    List<RecordingListener.Event> events = listener.events();
    assertEquals(List.of(
        retry(FETCH, 1, first, 10 * MS),
        retry(FETCH, 2, second, 20 * MS),
        exhausted(FETCH, 3, third),
        fallback(FETCH, third)), events);
    assertSame(third, events.get(2).failure());
    assertSame(third, events.get(3).failure());
  }

  @Test
  void exhaustionWithoutAFallbackIsHeardBeforeTheFailurePropagates() {
    IllegalStateException first = new IllegalStateException("1");
    IllegalStateException second = new IllegalStateException("2");
    IllegalStateException third = new IllegalStateException("3");
    chain.script.failWith(first, second, third);

    assertSame(third, assertThrows(IllegalStateException.class, chain::unrecovered));

    assertEquals(List.of(
        retry(UNRECOVERED, 1, first, 10 * MS),
        retry(UNRECOVERED, 2, second, 10 * MS),
        exhausted(UNRECOVERED, 3, third)), listener.events());
  }

  @Test
  void anInterruptedRetryIsHeardAsExhaustionNotAsARetry() {
    IllegalStateException first = new IllegalStateException("1");
    chain.script.onEachCall(() -> Thread.currentThread().interrupt())
        .failWith(first, new IllegalStateException("2"));

    assertEquals("recovered", chain.fetch());

    assertTrue(Thread.interrupted());
    assertEquals(List.of(exhausted(FETCH, 1, first), fallback(FETCH, first)), listener.events());
  }
}
