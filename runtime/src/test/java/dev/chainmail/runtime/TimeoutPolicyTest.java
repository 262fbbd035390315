package dev.chainmail.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Timeouts in virtual time, where {@link VirtualTime} fires the deadlines it passes. */
class TimeoutPolicyTest {

  private static final String METHOD = "com.example.Chain/answer";
  private static final long MS = 1_000_000L;
  private static final long S = 1_000_000_000L;

  private final VirtualTime time = new VirtualTime();
  private final ChainmailContext context = ChainmailContext.builder().clock(time).sleeper(time).build();

  /** A guarded method's body. */
  interface Body {
    String call() throws Exception;
  }

  /** Runs a body exactly as a generated proxy does. */
  static String guarded(TimeoutPolicy timeout, Body body) throws Exception {
    TimeoutPolicy.Deadline deadline = timeout.start();
    try {
      return body.call();
    } catch (Throwable failure) {
      timeout.finish(deadline, failure);
      throw failure;
    } finally {
      timeout.finish(deadline);
    }
  }

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  private TimeoutPolicy timeout(String value) {
    return TimeoutPolicy.builder(METHOD).timeout(value).build(context);
  }

  @Test
  void defaultsAndToString() {
    TimeoutPolicy timeout = TimeoutPolicy.builder(METHOD).build(context);
    assertEquals(S, timeout.timeoutNanos());
    assertEquals(METHOD, timeout.method());
    assertEquals("TimeoutPolicy[com.example.Chain/answer: timeout=1s]", timeout.toString());
  }

  @Test
  void builderChecksTheTimeout() {
    TimeoutPolicy.Builder builder = TimeoutPolicy.builder(METHOD);
    assertEquals(METHOD + ": timeout must be positive, was 0ns",
        assertThrows(ConfigurationException.class, () -> builder.timeoutNanos(0)).getMessage());
    assertEquals(METHOD + ": timeout must be positive, was 0ns",
        assertThrows(ConfigurationException.class, () -> builder.timeout("0s")).getMessage());
    assertTrue(assertThrows(ConfigurationException.class, () -> builder.timeout("x")).getMessage()
        .startsWith(METHOD + ": timeout 'x' is not a duration"));
    assertEquals("method", assertThrows(NullPointerException.class, () -> TimeoutPolicy.builder(null))
        .getMessage());
    assertEquals("context", assertThrows(NullPointerException.class, () -> builder.build(null)).getMessage());
  }

  @Test
  void overridesTheValue() {
    TimeoutPolicy timeout = TimeoutPolicy.builder(METHOD).timeout("1s").build(
        ChainmailContext.builder().config(ChainmailConfig.of(Map.of(METHOD + "/Timeout/value", "250ms"))).build());
    assertEquals(250 * MS, timeout.timeoutNanos());
  }

  @ParameterizedTest(name = "value = ''{0}''")
  @CsvSource(delimiter = '|', value = {"0ms | must be positive, was 0ns", "later | 'later' is not a duration",
      "-1s | is negative"})
  void badOverrideNamesTheKeyAndValue(String value, String reason) {
    String key = METHOD + "/Timeout/value";
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> TimeoutPolicy.builder(METHOD)
        .build(ChainmailContext.builder().config(ChainmailConfig.of(Map.of(key, value))).build()));
    assertTrue(e.getMessage().startsWith("config key " + key + " = '" + value + "' is invalid: "), e.getMessage());
    assertTrue(e.getMessage().contains(reason), e.getMessage());
  }

  @Test
  void aCallInTimeReturnsAndLeavesNoInterrupt() throws Exception {
    TimeoutPolicy timeout = timeout("1s");
    assertEquals("ok", guarded(timeout, () -> {
      time.advance(S - 1);
      return "ok";
    }));
    assertFalse(Thread.currentThread().isInterrupted());
    time.advance(10 * S);
    assertFalse(Thread.currentThread().isInterrupted(), "a finished deadline never fires");
  }

  @Test
  void aFailureInTimeIsRethrownAsItIs() {
    TimeoutPolicy timeout = timeout("1s");
    IllegalStateException failure = new IllegalStateException("boom");
    assertSame(failure, assertThrows(IllegalStateException.class, () -> guarded(timeout, () -> {
      throw failure;
    })));
  }

  @Test
  void aCallThatObservesTheInterruptTimesOutWithItsFailureAsCause() {
    TimeoutPolicy timeout = timeout("1s");
    TimeoutExceededException e = assertThrows(TimeoutExceededException.class, () -> guarded(timeout, () -> {
      time.advance(S);
      assertTrue(Thread.currentThread().isInterrupted(), "reaching the deadline interrupts the thread");
      time.sleep(5);
      return "unreachable";
    }));
    assertEquals("com.example.Chain/answer: timed out after 1s", e.getMessage());
    assertEquals(METHOD, e.method());
    assertInstanceOf(InterruptedException.class, e.getCause());
    assertFalse(Thread.currentThread().isInterrupted());
  }

  @Test
  void aCallThatIgnoresTheInterruptAndReturnsLateStillTimesOut() {
    TimeoutPolicy timeout = timeout("1s");
    TimeoutExceededException e = assertThrows(TimeoutExceededException.class, () -> guarded(timeout, () -> {
      time.advance(3 * S);
      return "late";
    }));
    assertNull(e.getCause());
    assertFalse(Thread.currentThread().isInterrupted(), "the interrupt the timeout caused is cleared");
  }

  @Test
  void aSleepPastTheDeadlineFiresIt() {
    TimeoutPolicy timeout = timeout("1s");
    assertThrows(TimeoutExceededException.class, () -> guarded(timeout, () -> {
      time.sleep(2 * S);
      assertTrue(Thread.currentThread().isInterrupted());
      return "late";
    }));
    assertFalse(Thread.currentThread().isInterrupted());
  }

  @Test
  void anInterruptFromElsewhereIsKept() {
    TimeoutPolicy timeout = timeout("1s");
    Thread.currentThread().interrupt();
    assertThrows(TimeoutExceededException.class, () -> guarded(timeout, () -> {
      time.advance(2 * S);
      return "late";
    }));
    assertTrue(Thread.interrupted(), "the caller's own interrupt survives");
  }

  @Test
  void anInterruptFromElsewhereIsKeptWhenTheCallIsInTime() throws Exception {
    TimeoutPolicy timeout = timeout("1s");
    guarded(timeout, () -> {
      Thread.currentThread().interrupt();
      return "ok";
    });
    assertTrue(Thread.interrupted());
  }

  @Test
  void finishingTwiceIsANoOp() {
    TimeoutPolicy timeout = timeout("1s");
    TimeoutPolicy.Deadline deadline = timeout.start();
    time.advance(S);
    assertThrows(TimeoutExceededException.class, () -> timeout.finish(deadline, new RuntimeException()));
    timeout.finish(deadline);
    timeout.finish(deadline, new RuntimeException());
    assertFalse(Thread.currentThread().isInterrupted());
  }

  @Test
  void eachDepthHasItsDeadlineAndEachIsReused() throws Exception {
    TimeoutPolicy timeout = timeout("1s");
    TimeoutPolicy.Deadline first = timeout.start();
    TimeoutPolicy.Deadline nested = timeout.start();
    assertNotSame(first, nested);
    timeout.finish(nested);
    timeout.finish(first);
    TimeoutPolicy.Deadline again = timeout.start();
    assertSame(first, again);
    assertSame(nested, timeout.start());
    timeout.finish(nested);
    timeout.finish(again);
    TimeoutPolicy.Deadline[] deep = new TimeoutPolicy.Deadline[10];
    for (int i = 0; i < deep.length; i++) {
      deep[i] = timeout.start();
    }
    for (int i = deep.length - 1; i >= 0; i--) {
      timeout.finish(deep[i]);
    }
    assertSame(first, timeout.start());
  }

  @Test
  void anInnerTimeoutFiresWhileTheOuterOneWaits() throws Exception {
    TimeoutPolicy outer = timeout("5s");
    TimeoutPolicy inner = TimeoutPolicy.builder("com.example.Chain/search").timeout("1s").build(context);
    String result = guarded(outer, () -> {
      TimeoutExceededException e = assertThrows(TimeoutExceededException.class, () -> guarded(inner, () -> {
        time.advance(2 * S);
        return "late";
      }));
      assertEquals("com.example.Chain/search: timed out after 1s", e.getMessage());
      assertFalse(Thread.currentThread().isInterrupted());
      return "recovered";
    });
    assertEquals("recovered", result);
    time.advance(10 * S);
    assertFalse(Thread.currentThread().isInterrupted());
  }

  @Test
  void anOuterTimeoutFiresWhileTheInnerCallRuns() {
    TimeoutPolicy outer = timeout("1s");
    TimeoutPolicy inner = TimeoutPolicy.builder("com.example.Chain/search").timeout("5s").build(context);
    TimeoutExceededException e = assertThrows(TimeoutExceededException.class, () -> guarded(outer, () ->
        guarded(inner, () -> {
          time.advance(2 * S);
          return "late";
        })));
    assertEquals("com.example.Chain/answer: timed out after 1s", e.getMessage());
    assertFalse(Thread.currentThread().isInterrupted());
  }

  @Test
  void theSameMethodMayRecurse() {
    TimeoutPolicy timeout = timeout("1s");
    assertThrows(TimeoutExceededException.class, () -> guarded(timeout, () -> guarded(timeout, () -> {
      time.advance(S / 2);
      return guarded(timeout, () -> {
        time.advance(S / 2);
        return "late";
      });
    })));
    assertFalse(Thread.currentThread().isInterrupted());
  }

  @Test
  @Timeout(10)
  void anotherThreadMovingTheClockInterruptsTheCall() throws Exception {
    TimeoutPolicy timeout = timeout("1s");
    CountDownLatch started = new CountDownLatch(1);
    Thread mover = new Thread(() -> {
      try {
        started.await();
        time.advance(S);
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    });
    mover.start();
    TimeoutExceededException e = assertThrows(TimeoutExceededException.class, () -> guarded(timeout, () -> {
      started.countDown();
      new CountDownLatch(1).await(10, TimeUnit.SECONDS);
      return "unreachable";
    }));
    assertInstanceOf(InterruptedException.class, e.getCause());
    assertFalse(Thread.currentThread().isInterrupted());
    mover.join();
  }

  @Test
  void theSuccessPathAllocatesNothing() throws Exception {
    TimeoutPolicy timeout = timeout("1s");
    CircuitBreakerPolicy breaker = CircuitBreakerPolicy.builder(METHOD).requestVolumeThreshold(4).build(context);
    for (int i = 0; i < 20_000; i++) {
      succeed(timeout, breaker);
    }
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(id);
    for (int i = 0; i < 100_000; i++) {
      succeed(timeout, breaker);
    }
    long allocated = threads.getThreadAllocatedBytes(id) - before;
    assertTrue(allocated < 10_000, allocated + " bytes in 100,000 calls");
  }

  private static void succeed(TimeoutPolicy timeout, CircuitBreakerPolicy breaker) {
    long permit = breaker.acquire();
    TimeoutPolicy.Deadline deadline = timeout.start();
    timeout.finish(deadline);
    breaker.onSuccess(permit);
  }
}
