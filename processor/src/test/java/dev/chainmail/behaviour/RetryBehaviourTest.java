package dev.chainmail.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainmail.runtime.ChainmailContext;
import dev.chainmail.runtime.VirtualTime;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Attempts and pauses of {@code @Retry}: success, retry until success, the schedule, and the attempt limit. */
class RetryBehaviourTest {

  private static final long MS = 1_000_000L;

  private final VirtualTime time = new VirtualTime();

  private ResilientRetryChain chain(double random) {
    ChainmailContext context = ChainmailContext.builder().clock(time).sleeper(time).random(() -> random).build();
    return new ResilientRetryChain(context);
  }

  private ResilientRetryChain chain() {
    return chain(0.5);
  }

  @Test
  void successOnTheFirstAttemptCallsOnceWithoutPausing() {
    ResilientRetryChain chain = chain();

    assertEquals("fixed#1", chain.fixed());

    assertEquals(1, chain.script.calls());
    assertEquals(List.of(), time.pauses());
    assertEquals(0, time.nanoTime());
  }

  @Test
  void retriesUntilSuccessWithNoDelayAndNoPause() {
    ResilientRetryChain chain = chain();
    chain.script.failWith(new IllegalStateException("1"), new IllegalStateException("2"),
        new IllegalStateException("3"));

    assertEquals("plain#4", chain.plain());

    assertEquals(4, chain.script.calls());
    assertEquals(List.of(), time.pauses(), "a zero delay never reaches the sleeper");
  }

  @Test
  void retriesUntilSuccessPausingTheFixedDelayBeforeEachRetry() {
    ResilientRetryChain chain = chain();
    chain.script.failWith(new IllegalStateException("1"), new IllegalStateException("2"));

    assertEquals("fixed#3", chain.fixed());

    assertEquals(3, chain.script.calls());
    assertEquals(List.of(250 * MS, 250 * MS), time.pauses());
    assertEquals(500 * MS, time.nanoTime());
  }

  @Test
  void multiplierGrowsThePausesExponentially() {
    ResilientRetryChain chain = chain();
    chain.script.failWith(new IllegalStateException("1"), new IllegalStateException("2"),
        new IllegalStateException("3"), new IllegalStateException("4"));

    assertEquals("exponential#5", chain.exponential());

    assertEquals(5, chain.script.calls());
    assertEquals(List.of(100 * MS, 200 * MS, 400 * MS, 800 * MS), time.pauses());
  }

  @Test
  void maxDelayCapsTheGrowingPauses() {
    ResilientRetryChain chain = chain();
    chain.script.failWith(new IllegalStateException("1"), new IllegalStateException("2"),
        new IllegalStateException("3"), new IllegalStateException("4"), new IllegalStateException("5"));

    assertEquals("capped#6", chain.capped());

    assertEquals(6, chain.script.calls());
    assertEquals(List.of(100 * MS, 200 * MS, 400 * MS, 500 * MS, 500 * MS), time.pauses());
  }

  @Test
  void jitterWithRandomMidpointLeavesPausesUnchanged() {
    ResilientRetryChain chain = chain(0.5);
    chain.script.failWith(new IllegalStateException("1"), new IllegalStateException("2"),
        new IllegalStateException("3"), new IllegalStateException("4"));

    assertEquals("jittered#5", chain.jittered());

    assertEquals(List.of(100 * MS, 200 * MS, 300 * MS, 300 * MS), time.pauses());
  }

  @Test
  void jitterWithRandomZeroShortensEachPauseToPTimesOneMinusJitterBeforeTheCap() {
    ResilientRetryChain chain = chain(0.0);
    chain.script.failWith(new IllegalStateException("1"), new IllegalStateException("2"),
        new IllegalStateException("3"), new IllegalStateException("4"));

    assertEquals("jittered#5", chain.jittered());

    // 100, 200, 400, 800 times (1 - 0.5), then capped at 300. Capping before the jitter would give 150 for the
    // last two.
    assertEquals(5, chain.script.calls());
    assertEquals(List.of(50 * MS, 100 * MS, 200 * MS, 300 * MS), time.pauses());
  }

  @Test
  void jitterWithRandomNearOneLengthensEachPauseToAboutPTimesOnePlusJitterButNeverAboveMaxDelay() {
    ResilientRetryChain chain = chain(0.999);
    chain.script.failWith(new IllegalStateException("1"), new IllegalStateException("2"),
        new IllegalStateException("3"), new IllegalStateException("4"));

    assertEquals("jittered#5", chain.jittered());

    // The factor is 1 - 0.5 + 2 * 0.5 * 0.999 = 1.499: 149.9ms, 299.8ms, then 599.6ms and 1199.2ms capped at 300.
    assertEquals(List.of(149_900_000L, 299_800_000L, 300 * MS, 300 * MS), time.pauses());
    assertTrue(time.pauses().stream().allMatch(pause -> pause <= 300 * MS));
  }

  @Test
  void afterMaxAttemptsTheLastFailurePropagatesUnwrapped() {
    ResilientRetryChain chain = chain();
    IllegalStateException first = new IllegalStateException("1");
    IllegalStateException second = new IllegalStateException("2");
    IllegalStateException third = new IllegalStateException("3");
    IllegalStateException fourth = new IllegalStateException("4");
    IllegalStateException fifth = new IllegalStateException("5");
    chain.script.failWith(first, second, third, fourth, fifth);

    IllegalStateException thrown = assertThrows(IllegalStateException.class, chain::plain);

    assertSame(fourth, thrown);
    assertEquals(4, chain.script.calls());
    assertEquals(1, chain.script.remaining());
    assertNull(thrown.getCause());
    assertEquals(0, thrown.getSuppressed().length);
  }

  @Test
  void afterMaxAttemptsTheLastCheckedFailurePropagatesUnwrapped() {
    ResilientRetryChain chain = chain();
    IOException first = new IOException("1");
    IOException second = new IOException("2");
    IOException third = new IOException("3");
    chain.script.failWith(first, second, third);

    IOException thrown = assertThrows(IOException.class, chain::read);

    assertSame(third, thrown);
    assertEquals(3, chain.script.calls());
    assertEquals(List.of(10 * MS, 10 * MS), time.pauses());
  }

  @Test
  void checkedFailuresAreRetriedUntilSuccess() throws IOException {
    ResilientRetryChain chain = chain();
    chain.script.failWith(new IOException("1"), new IOException("2"));

    assertEquals("read#3", chain.read());

    assertEquals(3, chain.script.calls());
  }

  @Test
  void maxAttemptsOneCallsExactlyOnce() {
    ResilientRetryChain chain = chain();
    IllegalStateException first = new IllegalStateException("1");
    chain.script.failWith(first, new IllegalStateException("2"));

    assertSame(first, assertThrows(IllegalStateException.class, chain::once));

    assertEquals(1, chain.script.calls());
    assertEquals(List.of(), time.pauses());
  }

  @Test
  void eachCallHasItsOwnAttemptCount() {
    ResilientRetryChain chain = chain();
    chain.script.failWith(new IllegalStateException("1"), new IllegalStateException("2"),
        new IllegalStateException("3"));

    assertEquals("plain#4", chain.plain());
    chain.script.failWith(new IllegalStateException("4"), new IllegalStateException("5"),
        new IllegalStateException("6"));
    assertEquals("plain#8", chain.plain(), "the second call gets all 4 attempts again");

    assertEquals(8, chain.script.calls());
  }
}
