package dev.chainmail.runtime;

import static dev.chainmail.runtime.TimeoutPolicyTest.guarded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The one real-time test: the JVM-wide watchdog thread against real waits. */
class TimeoutWatchdogTest {

  private static final String METHOD = "com.example.Chain/answer";
  private static final long S = 1_000_000_000L;

  private final TimeoutPolicy timeout =
      TimeoutPolicy.builder(METHOD).timeout("50ms").build(ChainmailContext.builder().build());

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  /** Spins until the thread is interrupted or ten seconds pass, ignoring the interrupt. */
  private static boolean spinUntilInterrupted() {
    long end = System.nanoTime() + 10 * S;
    while (!Thread.currentThread().isInterrupted()) {
      if (System.nanoTime() > end) {
        return false;
      }
      Thread.onSpinWait();
    }
    return true;
  }

  @Test
  @Timeout(20)
  void interruptsABlockedCallAndClearsTheInterrupt() {
    long start = System.nanoTime();
    TimeoutExceededException e = assertThrows(TimeoutExceededException.class, () -> guarded(timeout, () -> {
      new CountDownLatch(1).await(10, TimeUnit.SECONDS);
      return "unreachable";
    }));
    long elapsed = System.nanoTime() - start;
    assertEquals("com.example.Chain/answer: timed out after 50ms", e.getMessage());
    assertInstanceOf(InterruptedException.class, e.getCause());
    assertFalse(Thread.currentThread().isInterrupted());
    assertTrue(elapsed >= 50_000_000L && elapsed < 5 * S, elapsed + "ns");
    Thread watchdog = null;
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.getName().equals("chainmail-timeout-watchdog")) {
        watchdog = thread;
      }
    }
    assertTrue(watchdog != null && watchdog.isDaemon());
  }

  @Test
  @Timeout(20)
  void aCallThatIgnoresTheInterruptAndReturnsLateStillTimesOut() {
    TimeoutExceededException e = assertThrows(TimeoutExceededException.class, () -> guarded(timeout, () -> {
      assertTrue(spinUntilInterrupted());
      return "late";
    }));
    assertNull(e.getCause());
    assertFalse(Thread.currentThread().isInterrupted());
  }

  @Test
  @Timeout(20)
  void aPreExistingInterruptIsKept() {
    Thread.currentThread().interrupt();
    assertThrows(TimeoutExceededException.class, () -> guarded(timeout, () -> {
      long end = System.nanoTime() + S / 5;
      while (System.nanoTime() < end) {
        Thread.onSpinWait();
      }
      return "late";
    }));
    assertTrue(Thread.interrupted());
  }

  @Test
  @Timeout(20)
  void manyQuickCallsOnSeveralThreadsNeverTimeOut() throws Exception {
    TimeoutPolicy generous = TimeoutPolicy.builder(METHOD).timeout("10s").build(ChainmailContext.builder().build());
    Thread[] threads = new Thread[4];
    Throwable[] failures = new Throwable[threads.length];
    for (int t = 0; t < threads.length; t++) {
      int index = t;
      threads[t] = new Thread(() -> {
        try {
          for (int i = 0; i < 100_000; i++) {
            guarded(generous, () -> "ok");
          }
          assertFalse(Thread.currentThread().isInterrupted());
        } catch (Throwable failure) {
          failures[index] = failure;
        }
      });
      threads[t].start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    for (Throwable failure : failures) {
      assertNull(failure);
    }
    assertTrue(guardedAfterIdle());
  }

  @Test
  @Timeout(20)
  void aClockOtherThanTheSystemsIsWatchedByItsOwnReadings() {
    Clock shifted = () -> System.nanoTime() - 3_600 * S;
    TimeoutPolicy policy = TimeoutPolicy.builder(METHOD).timeout("50ms")
        .build(ChainmailContext.builder().clock(shifted).build());
    assertThrows(TimeoutExceededException.class, () -> guarded(policy, () -> {
      new CountDownLatch(1).await(10, TimeUnit.SECONDS);
      return "unreachable";
    }));
    assertFalse(Thread.currentThread().isInterrupted());
  }

  @Test
  void theSuccessPathAllocatesNothingUnderTheRealWatchdog() throws Exception {
    TimeoutPolicy generous = TimeoutPolicy.builder(METHOD).timeout("1h").build(ChainmailContext.builder().build());
    for (int i = 0; i < 20_000; i++) {
      generous.finish(generous.start());
    }
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(id);
    for (int i = 0; i < 100_000; i++) {
      generous.finish(generous.start());
    }
    long allocated = threads.getThreadAllocatedBytes(id) - before;
    assertTrue(allocated < 10_000, allocated + " bytes in 100,000 calls");
  }

  /** A timeout still fires after many quick calls left the watchdog waiting for deadlines long gone. */
  private boolean guardedAfterIdle() {
    return assertThrows(TimeoutExceededException.class, () -> guarded(timeout, () -> {
      assertTrue(spinUntilInterrupted());
      return "late";
    })) != null;
  }
}
