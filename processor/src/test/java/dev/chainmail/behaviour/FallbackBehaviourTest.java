package dev.chainmail.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.chainmail.runtime.ChainmailContext;
import dev.chainmail.runtime.VirtualTime;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code @Fallback}: when it runs, what it receives, and what propagates instead. */
class FallbackBehaviourTest {

  private final VirtualTime time = new VirtualTime();
  private final ResilientFallbackChain chain = new ResilientFallbackChain(
      ChainmailContext.builder().clock(time).sleeper(time).random(() -> 0.5).build());

  @Test
  void theFallbackRunsOnceOnlyAfterTheRetriesAreExhaustedAndReceivesTheVeryLastFailure() {
    IllegalStateException last = new IllegalStateException("3");
    chain.script.failWith(new IllegalStateException("1"), new IllegalStateException("2"), last);

    assertEquals("recovered k", chain.fetch("k"));

    assertEquals(3, chain.script.calls());
    assertEquals(List.of("recover after 3"), chain.fallbackLog);
    assertEquals(1, chain.received.size());
    assertSame(last, chain.received.get(0));
  }

  @Test
  void theFallbackDoesNotRunWhenARetrySucceeds() {
    chain.script.failWith(new IllegalStateException("1"), new IllegalStateException("2"));

    assertEquals("fetched k", chain.fetch("k"));

    assertEquals(3, chain.script.calls());
    assertEquals(List.of(), chain.fallbackLog);
  }

  @Test
  void theFallbackWithoutAFailureParameterAnswers() {
    chain.script.failWith(new IllegalStateException("1"), new IllegalStateException("2"));

    assertEquals("plain fallback k", chain.plain("k"));

    assertEquals(2, chain.script.calls());
    assertEquals(List.of("recoverPlain after 2"), chain.fallbackLog);
  }

  @Test
  void aFallbackWithoutRetryAnswersTheFirstFailure() {
    IllegalStateException failure = new IllegalStateException("1");
    chain.script.failWith(failure);

    assertEquals("recovered k", chain.fallbackOnly("k"));

    assertEquals(1, chain.script.calls());
    assertEquals(List.of("recover after 1"), chain.fallbackLog);
    assertSame(failure, chain.received.get(0));
  }

  @Test
  void applyOnAnswersTheListedFailures() throws IOException {
    EOFException last = new EOFException("2");
    chain.script.failWith(new IOException("1"), last);

    assertEquals("io fallback k", chain.applyOnIo("k"));

    assertEquals(2, chain.script.calls());
    assertEquals(List.of("recoverIo after 2"), chain.fallbackLog);
    assertSame(last, chain.received.get(0));
  }

  @Test
  void aFailureNotInApplyOnPropagatesUnchangedAfterTheRetries() {
    IllegalStateException last = new IllegalStateException("2");
    chain.script.failWith(new IllegalStateException("1"), last);

    assertSame(last, assertThrows(IllegalStateException.class, () -> chain.applyOnIo("k")));

    assertEquals(2, chain.script.calls());
    assertEquals(List.of(), chain.fallbackLog);
  }

  @Test
  void skipOnWinsOverApplyOn() {
    FileNotFoundException last = new FileNotFoundException("2");
    chain.script.failWith(new FileNotFoundException("1"), last);

    assertSame(last, assertThrows(FileNotFoundException.class, () -> chain.skipMissing("k")));

    assertEquals(2, chain.script.calls());
    assertEquals(List.of(), chain.fallbackLog);
  }

  @Test
  void skipOnLeavesOtherApplyOnFailuresToTheFallback() throws IOException {
    IOException last = new IOException("2");
    chain.script.failWith(new FileNotFoundException("1"), last);

    assertEquals("io fallback k", chain.skipMissing("k"));

    assertEquals(List.of("recoverIo after 2"), chain.fallbackLog);
    assertSame(last, chain.received.get(0));
  }

  @Test
  void anExceptionTheFallbackThrowsPropagates() {
    IllegalStateException last = new IllegalStateException("3");
    chain.script.failWith(new IllegalStateException("1"), new IllegalStateException("2"), last);
    IllegalArgumentException fromFallback = new IllegalArgumentException("the fallback failed too");
    chain.fallbackFailure = fromFallback;

    assertSame(fromFallback, assertThrows(IllegalArgumentException.class, () -> chain.fetch("k")));

    assertEquals(3, chain.script.calls());
    assertEquals(List.of("recover after 3"), chain.fallbackLog);
    assertSame(last, chain.received.get(0));
  }

  @Test
  void aFailureThatRetryOnDoesNotRetryReachesTheFallbackAfterOneCall() throws IOException {
    IllegalStateException failure = new IllegalStateException("not retried");
    chain.script.failWith(failure, new IOException("never thrown"));

    assertEquals("recovered k", chain.notRetried("k"));

    assertEquals(1, chain.script.calls());
    assertEquals(List.of("recover after 1"), chain.fallbackLog);
    assertSame(failure, chain.received.get(0));
  }

  @Test
  void anErrorIsNotRetriedByDefaultButReachesTheFallbackAfterOneCall() {
    AssertionError error = new AssertionError("an Error");
    chain.script.failWith(error, new IllegalStateException("never thrown"));

    assertEquals("recovered k", chain.fetch("k"));

    assertEquals(1, chain.script.calls());
    assertSame(error, chain.received.get(0));
  }

  @Test
  void aVoidMethodFallsBackToAVoidFallback() {
    IllegalStateException last = new IllegalStateException("2");
    chain.script.failWith(new IllegalStateException("1"), last);

    chain.fire("k");

    assertEquals(2, chain.script.calls());
    assertEquals(List.of("recoverVoid k after 2"), chain.fallbackLog);
    assertSame(last, chain.received.get(0));
  }

  @Test
  void aVoidMethodThatSucceedsOnRetryDoesNotFallBack() {
    chain.script.failWith(new IllegalStateException("1"));

    chain.fire("k");

    assertEquals(2, chain.script.calls());
    assertEquals(List.of("fired k"), chain.fallbackLog);
  }

  @Test
  void aFallbackWithANarrowerFailureParameterReceivesTheFailure() throws IOException {
    FileNotFoundException last = new FileNotFoundException("gone");
    chain.script.failWith(new IOException("1"), last);

    assertEquals("narrow fallback k: gone", chain.narrow("k"));

    assertEquals(2, chain.script.calls());
    assertSame(last, chain.received.get(0));
  }

  @Test
  void aFallbackWithANarrowerFailureParameterLetsOtherFailuresPropagate() {
    IllegalStateException last = new IllegalStateException("2");
    chain.script.failWith(new IllegalStateException("1"), last);

    assertSame(last, assertThrows(IllegalStateException.class, () -> chain.narrow("k")));

    assertEquals(List.of(), chain.fallbackLog);
  }
}
