package dev.chainmail.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.chainmail.runtime.ChainmailContext;
import dev.chainmail.runtime.VirtualTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code maxDuration}: the fixture's calls take virtual time (the hook advances the clock), and the limit of 1s is
 * measured from the start of each call's first attempt.
 */
class MaxDurationBehaviourTest {

  private static final long MS = 1_000_000L;

  private final VirtualTime time = new VirtualTime();
  private final ResilientTimedChain chain = new ResilientTimedChain(
      ChainmailContext.builder().clock(time).sleeper(time).random(() -> 0.5).build());
  private final List<Long> starts = new ArrayList<>();

  /** Makes every call of the fixture take {@code millis} of virtual time, recording when each began. */
  private void eachCallTakes(long millis) {
    chain.script.onEachCall(() -> {
      starts.add(time.nanoTime());
      time.advance(millis * MS);
    });
  }

  private static List<IllegalStateException> failures(int count) {
    return List.of(Failures.numbered(count));
  }

  @Test
  void noNewAttemptStartsOnceMaxDurationHasPassed() {
    eachCallTakes(300);
    List<IllegalStateException> failures = failures(10);
    chain.script.failWith(failures.toArray(new Throwable[0]));

    IllegalStateException thrown = assertThrows(IllegalStateException.class, chain::noDelay);

    // Attempts start at 0, 300, 600 and 900ms; the fourth ends at 1200ms, past the 1s limit.
    assertSame(failures.get(3), thrown);
    assertEquals(4, chain.script.calls());
    assertEquals(List.of(0L, 300 * MS, 600 * MS, 900 * MS), starts);
    assertEquals(List.of(), time.pauses());
    assertEquals(1200 * MS, time.nanoTime());
  }

  @Test
  void withoutMaxDurationTheSameSlowCallsUseEveryAttempt() {
    eachCallTakes(300);
    List<IllegalStateException> failures = failures(10);
    chain.script.failWith(failures.toArray(new Throwable[0]));

    assertSame(failures.get(9), assertThrows(IllegalStateException.class, chain::untimed));

    assertEquals(10, chain.script.calls());
    assertEquals(9, time.pauses().size());
  }

  @Test
  void aPauseThatWouldEndAfterMaxDurationIsNotTaken() {
    eachCallTakes(420);
    List<IllegalStateException> failures = failures(10);
    chain.script.failWith(failures.toArray(new Throwable[0]));

    IllegalStateException thrown = assertThrows(IllegalStateException.class, chain::withDelay);

    // Attempt 1 runs 0-420ms, pauses to 520ms; attempt 2 runs 520-940ms, still inside the limit, but its pause
    // would end at 1040ms: it is not taken, and the second failure propagates.
    assertSame(failures.get(1), thrown);
    assertEquals(2, chain.script.calls());
    assertEquals(List.of(0L, 520 * MS), starts);
    assertEquals(List.of(100 * MS), time.pauses());
    assertEquals(940 * MS, time.nanoTime());
  }

  @Test
  void anAttemptStartedInsideMaxDurationMaySucceedAfterIt() {
    eachCallTakes(300);
    chain.script.failWith(new IllegalStateException("1"), new IllegalStateException("2"));

    assertEquals("withDelay#3", chain.withDelay());

    // 0-300, pause, 400-700, pause, 800-1100: the last attempt ends past 1s and its result still counts.
    assertEquals(List.of(0L, 400 * MS, 800 * MS), starts);
    assertEquals(List.of(100 * MS, 100 * MS), time.pauses());
    assertEquals(1100 * MS, time.nanoTime());
  }

  @Test
  void eachCallMeasuresMaxDurationFromItsOwnFirstAttempt() {
    eachCallTakes(420);
    List<IllegalStateException> failures = failures(4);
    chain.script.failWith(failures.toArray(new Throwable[0]));

    assertSame(failures.get(1), assertThrows(IllegalStateException.class, chain::withDelay));
    time.advance(5_000 * MS);
    assertSame(failures.get(3), assertThrows(IllegalStateException.class, chain::withDelay));

    assertEquals(4, chain.script.calls());
    assertEquals(List.of(0L, 520 * MS, 5_940 * MS, 6_460 * MS), starts);
  }

  @Test
  void aPauseEndingExactlyAtMaxDurationIsNotTaken() {
    eachCallTakes(400);
    List<IllegalStateException> failures = failures(10);
    chain.script.failWith(failures.toArray(new Throwable[0]));

    IllegalStateException thrown = assertThrows(IllegalStateException.class, chain::withDelay);

    // Attempts start at 0 and 500ms; a third would start at exactly 1s, once the limit has passed.
    assertEquals(List.of(0L, 500 * MS), starts);
    assertSame(failures.get(1), thrown);
    assertEquals(List.of(100 * MS), time.pauses());
  }
}
