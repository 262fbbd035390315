package dev.chainmail.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class VirtualTimeTest {

  private final VirtualTime time = new VirtualTime();

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  @Test
  void startsAtZeroWithNoPauses() {
    assertEquals(0L, time.nanoTime());
    assertEquals(List.of(), time.pauses());
  }

  @Test
  void sleepAdvancesTheClockAndRecordsPausesInOrder() throws InterruptedException {
    time.sleep(5);
    assertEquals(5L, time.nanoTime());
    time.sleep(3);
    time.sleep(7);
    assertEquals(15L, time.nanoTime());
    assertEquals(List.of(5L, 3L, 7L), time.pauses());
  }

  @Test
  void advanceMovesTheClockWithoutRecordingAPause() throws InterruptedException {
    time.advance(10);
    time.advance(0);
    assertEquals(10L, time.nanoTime());
    assertEquals(List.of(), time.pauses());
    time.sleep(4);
    time.advance(6);
    assertEquals(20L, time.nanoTime());
    assertEquals(List.of(4L), time.pauses());
  }

  @Test
  void sleepRejectsNegatives() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> time.sleep(-5));
    assertEquals("virtual time cannot go back: sleep(-5)", e.getMessage());
    assertEquals(0L, time.nanoTime());
    assertEquals(List.of(), time.pauses());
  }

  @Test
  void advanceRejectsNegatives() {
    time.advance(10);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> time.advance(-1));
    assertEquals("virtual time cannot go back: advance(-1)", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> time.advance(Long.MIN_VALUE));
    assertEquals(10L, time.nanoTime());
  }

  @Test
  void pausesIsAnUnmodifiableSnapshot() throws InterruptedException {
    time.sleep(1);
    List<Long> snapshot = time.pauses();
    time.sleep(2);
    assertEquals(List.of(1L), snapshot);
    assertEquals(List.of(1L, 2L), time.pauses());
    assertThrows(UnsupportedOperationException.class, () -> snapshot.add(3L));
  }

  @Test
  void sleepOnAnInterruptedThreadThrowsAndClearsTheFlag() throws InterruptedException {
    time.sleep(5);
    Thread.currentThread().interrupt();
    InterruptedException e = assertThrows(InterruptedException.class, () -> time.sleep(100));
    assertEquals("interrupted before a virtual pause of 100ns", e.getMessage());
    assertFalse(Thread.currentThread().isInterrupted());
    assertEquals(5L, time.nanoTime());
    assertEquals(List.of(5L), time.pauses());
    time.sleep(1);
    assertEquals(List.of(5L, 1L), time.pauses());
  }

  @Test
  @Timeout(10)
  void concurrentSleepsSumAndKeepEachThreadsOrder() throws Exception {
    int threads = 8;
    int sleepsPerThread = 2_000;
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    CountDownLatch ready = new CountDownLatch(threads);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<Void>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        long base = (t + 1) * 1_000_000L;
        futures.add(executor.submit(() -> {
          ready.countDown();
          go.await();
          for (int i = 0; i < sleepsPerThread; i++) {
            time.sleep(base + i);
          }
          return null;
        }));
      }
      assertTrue(ready.await(5, TimeUnit.SECONDS));
      go.countDown();
      for (Future<Void> future : futures) {
        future.get(5, TimeUnit.SECONDS);
      }
    } finally {
      executor.shutdownNow();
      assertTrue(executor.awaitTermination(5, TimeUnit.SECONDS));
    }

    List<Long> expected = new ArrayList<>();
    long sum = 0;
    for (int t = 0; t < threads; t++) {
      for (int i = 0; i < sleepsPerThread; i++) {
        long pause = (t + 1) * 1_000_000L + i;
        expected.add(pause);
        sum += pause;
      }
    }
    assertEquals(sum, time.nanoTime());
    List<Long> pauses = time.pauses();
    assertEquals(threads * sleepsPerThread, pauses.size());
    List<Long> sorted = new ArrayList<>(pauses);
    Collections.sort(sorted);
    assertEquals(expected, sorted);
    for (int t = 0; t < threads; t++) {
      long base = (t + 1) * 1_000_000L;
      List<Long> ofThread = pauses.stream().filter(p -> p >= base && p < base + sleepsPerThread).toList();
      assertEquals(expected.subList(t * sleepsPerThread, (t + 1) * sleepsPerThread), ofThread, "thread " + t);
    }
  }

  @Test
  @Timeout(10)
  void concurrentSleepsAndAdvancesSum() throws Exception {
    int threads = 4;
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<Void>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        boolean sleeper = t % 2 == 0;
        futures.add(executor.submit(() -> {
          go.await();
          for (int i = 0; i < 1_000; i++) {
            if (sleeper) {
              time.sleep(3);
            } else {
              time.advance(5);
            }
          }
          return null;
        }));
      }
      go.countDown();
      for (Future<Void> future : futures) {
        future.get(5, TimeUnit.SECONDS);
      }
    } finally {
      executor.shutdownNow();
      assertTrue(executor.awaitTermination(5, TimeUnit.SECONDS));
    }
    assertEquals(2 * 1_000 * 3 + 2 * 1_000 * 5, time.nanoTime());
    assertEquals(2_000, time.pauses().size());
    assertEquals(6_000L, time.pauses().stream().mapToLong(Long::longValue).sum());
  }

  @Test
  void worksAsTheClockAndSleeperOfAContext() {
    ChainmailContext context = ChainmailContext.builder().clock(time).sleeper(time).build();
    assertTrue(context.pause(250));
    assertEquals(250L, context.clock().nanoTime());
    assertEquals(List.of(250L), time.pauses());
  }
}
