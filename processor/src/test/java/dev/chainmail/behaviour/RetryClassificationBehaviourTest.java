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

/** Which failures {@code @Retry} retries: retryOn, abortOn, and Errors. */
class RetryClassificationBehaviourTest {

  private final VirtualTime time = new VirtualTime();
  private final ResilientClassifyingChain chain = new ResilientClassifyingChain(
      ChainmailContext.builder().clock(time).sleeper(time).random(() -> 0.5).build());

  @Test
  void aFailureNotInRetryOnPropagatesAfterOneCall() {
    IllegalStateException failure = new IllegalStateException("not an IOException");
    chain.script.failWith(failure, new IOException("never thrown"));

    assertSame(failure, assertThrows(IllegalStateException.class, chain::onlyIo));

    assertEquals(1, chain.script.calls());
    assertEquals(1, chain.script.remaining());
  }

  @Test
  void aFailureInRetryOnIsRetried() throws IOException {
    chain.script.failWith(new IOException("1"), new EOFException("2"));

    assertEquals("onlyIo#3", chain.onlyIo());

    assertEquals(3, chain.script.calls());
  }

  @Test
  void aFailureInRetryOnIsRetriedUntilOneThatIsNotPropagates() {
    IllegalStateException failure = new IllegalStateException("2");
    chain.script.failWith(new IOException("1"), failure);

    assertSame(failure, assertThrows(IllegalStateException.class, chain::onlyIo));

    assertEquals(2, chain.script.calls());
  }

  @Test
  void abortOnWinsOverRetryOn() {
    FileNotFoundException missing = new FileNotFoundException("missing");
    chain.script.failWith(missing, new IOException("never thrown"));

    assertSame(missing, assertThrows(FileNotFoundException.class, chain::ioButNotMissing));

    assertEquals(1, chain.script.calls());
  }

  @Test
  void anotherRetryOnFailureIsStillRetriedDespiteAbortOn() throws IOException {
    chain.script.failWith(new IOException("1"), new EOFException("2"));

    assertEquals("ioButNotMissing#3", chain.ioButNotMissing());

    assertEquals(3, chain.script.calls());
  }

  @Test
  void anAbortOnFailureAfterRetriesPropagatesAtOnce() {
    FileNotFoundException missing = new FileNotFoundException("missing");
    chain.script.failWith(new IOException("1"), missing, new IOException("never thrown"));

    assertSame(missing, assertThrows(FileNotFoundException.class, chain::ioButNotMissing));

    assertEquals(2, chain.script.calls());
  }

  @Test
  void byDefaultCheckedAndUncheckedExceptionsAreRetried() throws IOException {
    chain.script.failWith(new IOException("1"), new IllegalStateException("2"));

    assertEquals("defaults#3", chain.defaults());

    assertEquals(3, chain.script.calls());
  }

  @Test
  void byDefaultAnAssertionErrorIsNotRetried() {
    AssertionError error = new AssertionError("an Error");
    chain.script.failWith(error, new IOException("never thrown"));

    assertSame(error, assertThrows(AssertionError.class, chain::defaults));

    assertEquals(1, chain.script.calls());
  }

  @Test
  void byDefaultACustomErrorIsNotRetried() {
    Failures.CustomError error = new Failures.CustomError("an Error");
    chain.script.failWith(error, new IOException("never thrown"));

    assertSame(error, assertThrows(Failures.CustomError.class, chain::defaults));

    assertEquals(1, chain.script.calls());
  }

  @Test
  void retryOnThrowableRetriesErrors() {
    chain.script.failWith(new AssertionError("1"), new Failures.CustomError("2"));

    assertEquals("everything#3", chain.everything());

    assertEquals(3, chain.script.calls());
    assertEquals(List.of(), time.pauses());
  }

  @Test
  void retryOnThrowablePropagatesTheLastErrorOnceAttemptsAreUsedUp() {
    Failures.CustomError last = new Failures.CustomError("3");
    chain.script.failWith(new AssertionError("1"), new Failures.CustomError("2"), last);

    assertSame(last, assertThrows(Failures.CustomError.class, chain::everything));

    assertEquals(3, chain.script.calls());
  }
}
