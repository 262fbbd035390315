package dev.chainmail.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainmail.runtime.ChainmailContext;
import dev.chainmail.runtime.VirtualTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One proxy shared by many threads: every call keeps its own attempt count and schedule. */
class ConcurrencyBehaviourTest {

  private static final long MS = 1_000_000L;
  private static final int THREADS = 8;
  private static final int CALLS_PER_THREAD = 1_000;
  private static final int FAILURES_PER_CALL = 3;

  @Test
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  void everyCallOnASharedProxyGetsItsOwnAttemptCount() throws Exception {
    VirtualTime time = new VirtualTime();
    ResilientConcurrentChain chain = new ResilientConcurrentChain(
        ChainmailContext.builder().clock(time).sleeper(time).random(() -> 0.5).build());
    ExecutorService executor = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<int[]>> results = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        results.add(executor.submit(() -> {
          start.await();
          int[] attempts = new int[CALLS_PER_THREAD];
          for (int i = 0; i < CALLS_PER_THREAD; i++) {
            ConcurrentChain.Call call = new ConcurrentChain.Call(FAILURES_PER_CALL);
            int returned = chain.work(call);
            attempts[i] = returned == call.attempts ? returned : -1;
          }
          return attempts;
        }));
      }
      start.countDown();

      for (Future<int[]> result : results) {
        int[] attempts = result.get(10, TimeUnit.SECONDS);
        for (int attempt : attempts) {
          assertEquals(FAILURES_PER_CALL + 1, attempt, "each call succeeds on its own fourth attempt");
        }
      }
    } finally {
      executor.shutdownNow();
      assertTrue(executor.awaitTermination(10, TimeUnit.SECONDS));
    }

    long calls = (long) THREADS * CALLS_PER_THREAD;
    assertEquals(calls * (FAILURES_PER_CALL + 1), chain.invocations.get());
    // Every call paused 1ms, 2ms and 4ms: a count shared between calls would have grown the pauses further.
    Map<Long, Long> pauses = time.pauses().stream()
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertEquals(Map.of(MS, calls, 2 * MS, calls, 4 * MS, calls), pauses);
    assertEquals(calls * 7 * MS, time.nanoTime());
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void guardsHoldUnderContentionAndNoCallIsLost() throws Exception {
    ResilientGuardStressChain chain = new ResilientGuardStressChain();
    int callsPerThread = 25_000;
    ExecutorService executor = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<long[]>> results = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        results.add(executor.submit(() -> {
          start.await();
          java.util.SplittableRandom random = new java.util.SplittableRandom();
          long[] outcomes = new long[3];
          for (int i = 0; i < callsPerThread; i++) {
            try {
              chain.work(random.nextInt(10) < 3);
              outcomes[0]++;
            } catch (IllegalStateException failed) {
              outcomes[1]++;
            } catch (dev.chainmail.runtime.ResilienceException rejected) {
              outcomes[2]++;
            }
          }
          return outcomes;
        }));
      }
      start.countDown();
      long returned = 0;
      long thrown = 0;
      for (Future<long[]> result : results) {
        long[] outcomes = result.get(30, TimeUnit.SECONDS);
        returned += outcomes[0];
        thrown += outcomes[1] + outcomes[2];
      }
      assertEquals((long) THREADS * callsPerThread, returned + thrown, "every call returned or threw");
      assertTrue(returned > 0);
    } finally {
      executor.shutdownNow();
      assertTrue(executor.awaitTermination(10, TimeUnit.SECONDS));
    }
    assertTrue(chain.mostRunning.get() <= 3, "the bulkhead let " + chain.mostRunning.get() + " calls run at once");
  }
}
