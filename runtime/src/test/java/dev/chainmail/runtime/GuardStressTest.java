package dev.chainmail.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Eight threads make a million calls in all through a breaker, a rate limiter and a bulkhead, in the proxies' order,
 * with bursts of failures, on one shared virtual clock that the threads move.
 */
class GuardStressTest {

  private static final String METHOD = "com.example.Chain/answer";
  private static final int THREADS = 8;
  private static final int CALLS = 1_000_000;
  private static final int PER_THREAD = CALLS / THREADS;
  private static final int MAX_CONCURRENT = 3;
  private static final int PERMITS = 40;
  private static final long WINDOW = 40_000L;
  private static final int SUCCESS_THRESHOLD = 3;

  private final VirtualTime time = new VirtualTime();
  private final LongAdder opened = new LongAdder();
  private final ChainmailListener counting = new ChainmailListener() {
    @Override
    public void onStateChange(String breaker, CircuitBreakerPolicy.State from, CircuitBreakerPolicy.State to) {
      if (to == CircuitBreakerPolicy.State.OPEN) {
        opened.increment();
      }
    }
  };
  private final ChainmailContext context =
      ChainmailContext.builder().clock(time).sleeper(time::advance).listener(counting).build();
  private final CircuitBreakerPolicy breaker = CircuitBreakerPolicy.builder(METHOD).requestVolumeThreshold(20)
      .failureRatio(0.5).delayNanos(200_000L).successThreshold(SUCCESS_THRESHOLD).build(context);
  private final RateLimitPolicy limiter = RateLimitPolicy.builder(METHOD).permits(PERMITS).windowNanos(WINDOW)
      .maxWaitNanos(20_000L).build(context);
  private final BulkheadPolicy bulkhead = BulkheadPolicy.builder(METHOD).maxConcurrent(MAX_CONCURRENT)
      .maxWaitNanos(20_000L).build(context);

  private final AtomicInteger holders = new AtomicInteger();
  private final AtomicInteger maxHolders = new AtomicInteger();
  private final Map<Long, AtomicInteger> trialsByEpisode = new ConcurrentHashMap<>();
  private final LongAdder succeeded = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final LongAdder breakerRejected = new LongAdder();
  private final LongAdder rateLimited = new LongAdder();
  private final LongAdder bulkheadFull = new LongAdder();

  @Test
  @Timeout(60)
  void guardsKeepTheirLimitsAndLoseNoCall() throws Exception {
    long[][] grants = new long[THREADS][PER_THREAD];
    int[] granted = new int[THREADS];
    Throwable[] escaped = new Throwable[THREADS];
    CountDownLatch go = new CountDownLatch(1);
    Thread[] threads = new Thread[THREADS];
    for (int t = 0; t < THREADS; t++) {
      int index = t;
      threads[t] = new Thread(() -> {
        SplittableRandom random = new SplittableRandom(index);
        try {
          go.await();
          for (int i = 0; i < PER_THREAD; i++) {
            int failurePercent = (time.nanoTime() / 5_000_000L) % 3 == 0 ? 70 : 5;
            long grant = call(random, failurePercent);
            if (grant != Long.MIN_VALUE) {
              grants[index][granted[index]++] = grant;
            }
          }
        } catch (Throwable failure) {
          escaped[index] = failure;
        }
      });
      threads[t].start();
    }
    go.countDown();
    for (Thread thread : threads) {
      thread.join();
    }
    for (Throwable failure : escaped) {
      assertNull(failure);
    }

    long outcomes = succeeded.sum() + failed.sum() + breakerRejected.sum() + rateLimited.sum() + bulkheadFull.sum();
    assertEquals(CALLS, outcomes, "every call returned or threw exactly once");
    assertEquals(0, holders.get());
    assertEquals(0, bulkhead.inFlight());
    assertTrue(maxHolders.get() <= MAX_CONCURRENT, "bulkhead let " + maxHolders.get() + " in at once");
    assertTrue(maxHolders.get() > 1, "the threads never overlapped");

    long[] all = new long[Arrays.stream(granted).sum()];
    int at = 0;
    for (int t = 0; t < THREADS; t++) {
      System.arraycopy(grants[t], 0, all, at, granted[t]);
      at += granted[t];
    }
    Arrays.sort(all);
    for (int i = PERMITS; i < all.length; i++) {
      long span = all[i] - all[i - PERMITS];
      assertTrue(span >= WINDOW, (PERMITS + 1) + " grants within " + span + "ns, at " + all[i - PERMITS]);
    }

    int maxTrials = 0;
    for (AtomicInteger trials : trialsByEpisode.values()) {
      maxTrials = Math.max(maxTrials, trials.get());
    }
    assertEquals(SUCCESS_THRESHOLD, maxTrials, "the most trials a half-open episode admitted");
    assertTrue(opened.sum() > 10 && trialsByEpisode.size() > 10,
        "the breaker opened " + opened.sum() + " times, half-opened " + trialsByEpisode.size());
    assertTrue(rateLimited.sum() > 0 && bulkheadFull.sum() > 0 && breakerRejected.sum() > 0,
        "rejections: " + breakerRejected.sum() + " " + rateLimited.sum() + " " + bulkheadFull.sum());
  }

  /** One call in the proxies' order. @return the rate limiter's grant, or Long.MIN_VALUE if none */
  private long call(SplittableRandom random, int failurePercent) {
    long permit;
    try {
      permit = breaker.acquire();
    } catch (CircuitBreakerOpenException e) {
      breakerRejected.increment();
      time.advance(random.nextInt(20_000));
      Thread.yield();
      return Long.MIN_VALUE;
    }
    if (CircuitBreakerPolicy.stateOf(permit) == CircuitBreakerPolicy.State.HALF_OPEN) {
      trialsByEpisode.computeIfAbsent(permit, p -> new AtomicInteger()).incrementAndGet();
    }
    long grant;
    try {
      grant = limiter.acquire();
    } catch (RateLimitedException e) {
      rateLimited.increment();
      breaker.onSuccess(permit);
      time.advance(random.nextInt(2_000));
      return Long.MIN_VALUE;
    }
    try {
      bulkhead.acquire();
    } catch (BulkheadFullException e) {
      bulkheadFull.increment();
      breaker.onSuccess(permit);
      return grant;
    }
    boolean failure;
    try {
      int now = holders.incrementAndGet();
      maxHolders.accumulateAndGet(now, Math::max);
      time.advance(random.nextInt(1_000));
      if (random.nextInt(16) == 0) {
        Thread.yield();
      }
      failure = random.nextInt(100) < failurePercent;
      holders.decrementAndGet();
    } finally {
      bulkhead.release();
    }
    if (failure) {
      failed.increment();
      breaker.onFailure(permit);
    } else {
      succeeded.increment();
      breaker.onSuccess(permit);
    }
    return grant;
  }
}
