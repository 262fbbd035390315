package dev.chainmail.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Eight threads call through a {@link ReplicaPolicy} while another flips replicas between healthy and failing and
 * moves virtual time on, and a third samples {@link ReplicaSet#health()}. Thread interleavings vary from run to run;
 * what is checked holds for every one of them.
 */
class ReplicaConcurrencyTest {

  private static final int THREADS = 8;
  private static final int CALLS = 20_000;
  private static final int REPLICAS = 6;
  private static final int MAX_EJECTED = 3;

  /** A replica that fails while the flipper says so. */
  static final class Flaky {
    volatile boolean failing;

    int call() throws IOException {
      if (failing) {
        throw new IOException("failing");
      }
      return 1;
    }
  }

  @Test
  @Timeout(120)
  void noCallIsLostInFlightReturnsToZeroAndTheEjectedLimitHolds() throws Exception {
    for (ReplicaStrategy strategy : ReplicaStrategy.values()) {
      run(strategy);
    }
  }

  private void run(ReplicaStrategy strategy) throws Exception {
    VirtualTime time = new VirtualTime();
    Random random = new Random(7);
    AtomicInteger ejections = new AtomicInteger();
    ChainmailListener counting = new ChainmailListener() {
      @Override
      public void onReplicaEjected(String method, int replica, Throwable failure) {
        ejections.incrementAndGet();
      }
    };
    ChainmailContext context = ChainmailContext.builder().clock(time).random(random::nextDouble).listener(counting)
        .build();
    List<Flaky> flaky = new ArrayList<>();
    for (int i = 0; i < REPLICAS; i++) {
      Flaky replica = new Flaky();
      replica.failing = i % 2 == 0;
      flaky.add(replica);
    }
    ReplicaDetection detection = ReplicaDetection.builder("com.example.Flaky").ejectAfter(2).ejectFor("1ms")
        .maxEjectFor("4ms").maxEjectedPercent(50).build();
    ReplicaSet<Flaky> set = ReplicaSet.of(context, detection, flaky);
    ReplicaPolicy.Builder builder = ReplicaPolicy.builder("com.example.Flaky/call", strategy);
    if (strategy == ReplicaStrategy.WEIGHTED) {
      builder.weights(1, 2, 3, 1, 2, 3);
    }
    ReplicaPolicy policy = builder.build(set);

    AtomicInteger succeeded = new AtomicInteger();
    AtomicInteger exhausted = new AtomicInteger();
    AtomicInteger repeats = new AtomicInteger();
    AtomicInteger mostEjected = new AtomicInteger();
    AtomicBoolean running = new AtomicBoolean(true);
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS + 2);
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        workers.add(pool.submit(() -> {
          start.await();
          for (int c = 0; c < CALLS; c++) {
            call(set, policy, succeeded, exhausted, repeats);
          }
          return null;
        }));
      }
      Future<?> flipper = pool.submit(() -> {
        Random flips = new Random(11);
        start.await();
        while (running.get()) {
          Flaky replica = flaky.get(flips.nextInt(REPLICAS));
          replica.failing = !replica.failing;
          time.advance(50_000L);
        }
        return null;
      });
      Future<?> sampler = pool.submit(() -> {
        start.await();
        while (running.get()) {
          int ejected = 0;
          for (ReplicaHealth health : set.health()) {
            ejected += health.ejected() ? 1 : 0;
          }
          mostEjected.accumulateAndGet(ejected, Math::max);
        }
        return null;
      });
      start.countDown();
      for (Future<?> worker : workers) {
        worker.get(60, TimeUnit.SECONDS);
      }
      running.set(false);
      flipper.get(10, TimeUnit.SECONDS);
      sampler.get(10, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }

    assertEquals(THREADS * CALLS, succeeded.get() + exhausted.get(), strategy + ": every call ended once");
    assertTrue(succeeded.get() > 0, strategy + ": some calls succeeded");
    assertTrue(ejections.get() > 0, strategy + ": replicas were ejected");
    assertEquals(0, repeats.get(), strategy + ": no call tried a replica twice");
    assertTrue(mostEjected.get() <= MAX_EJECTED, strategy + ": " + mostEjected.get() + " ejected at once");
    for (ReplicaHealth health : set.health()) {
      assertEquals(0, health.inFlight(), strategy + ": in flight on replica " + health.index());
    }
  }

  private static void call(ReplicaSet<Flaky> set, ReplicaPolicy policy, AtomicInteger succeeded,
      AtomicInteger exhausted, AtomicInteger repeats) {
    long tried = 0;
    int i = policy.first();
    while (true) {
      if ((tried & (1L << i)) != 0) {
        repeats.incrementAndGet();
      }
      tried |= 1L << i;
      int current = i;
      if (policy.balancesLoad()) {
        set.enter(current);
      }
      try {
        set.replica(current).call();
        set.succeeded(current, policy.method());
        succeeded.incrementAndGet();
        return;
      } catch (IOException e) {
        set.failed(current, policy.method(), e);
        i = policy.next(tried);
        if (i < 0) {
          exhausted.incrementAndGet();
          return;
        }
      } finally {
        if (policy.balancesLoad()) {
          set.exit(current);
        }
      }
    }
  }
}
