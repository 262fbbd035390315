package dev.chainmail.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Four threads start 200,000 asynchronous calls in all through one bulkhead, with synchronous callers taking the
 * same permits, while two completer threads end the calls' stages: the permits handed from ending calls to waiting
 * ones must never let more than {@code maxConcurrent} calls run, and every waiting call must start or give up.
 */
class AsyncBulkheadStressTest {

  private static final int THREADS = 4;
  private static final int CALLS = 200_000;
  private static final int MAX_CONCURRENT = 3;

  private final VirtualTime time = new VirtualTime();
  private final ChainmailContext context = ChainmailContext.builder().clock(time).sleeper(time).build();
  // The maxWait timers are on the virtual clock, which never moves: a waiting call can only start through a permit
  // handed to it, so a lost hand-off shows as a call that never ends.
  private final BulkheadPolicy bulkhead = BulkheadPolicy.builder("com.example.Chain/answer")
      .maxConcurrent(MAX_CONCURRENT).maxWaitNanos(TimeUnit.HOURS.toNanos(1)).build(context);
  private final AtomicInteger running = new AtomicInteger();
  private final AtomicInteger maxRunning = new AtomicInteger();
  private final LongAdder started = new LongAdder();

  @Test
  @Timeout(120)
  void permitsHandedToWaitingCallsNeverExceedTheLimitAndNoCallIsStranded() throws Exception {
    ExecutorService completers = Executors.newFixedThreadPool(2);
    List<Thread> threads = new ArrayList<>();
    List<List<CompletableFuture<String>>> stages = new ArrayList<>();
    CountDownLatch go = new CountDownLatch(1);
    for (int t = 0; t < THREADS; t++) {
      List<CompletableFuture<String>> mine = new ArrayList<>();
      stages.add(mine);
      SplittableRandom random = new SplittableRandom(t);
      threads.add(new Thread(() -> {
        await(go);
        for (int i = 0; i < CALLS / THREADS; i++) {
          if (random.nextInt(50) == 0) {
            synchronousCall();
            continue;
          }
          CompletableFuture<String> stage = bulkhead.async(() -> {
            enter();
            Call call = new Call();
            completers.execute(() -> call.complete("done"));
            return call;
          });
          if (random.nextInt(100) == 0) {
            stage.cancel(false);
          }
          mine.add(stage);
        }
      }));
    }
    threads.forEach(Thread::start);
    go.countDown();
    for (Thread thread : threads) {
      thread.join();
    }
    long cancelled = 0;
    for (List<CompletableFuture<String>> mine : stages) {
      for (CompletableFuture<String> stage : mine) {
        if (stage.isCancelled()) {
          cancelled++;
        } else {
          assertEquals("done", stage.get(60, TimeUnit.SECONDS));
        }
      }
    }
    completers.shutdown();
    assertTrue(completers.awaitTermination(60, TimeUnit.SECONDS));

    assertTrue(maxRunning.get() <= MAX_CONCURRENT, "at most 3 ran at once, saw " + maxRunning.get());
    assertEquals(0, running.get());
    assertTrue(started.sum() >= CALLS * 0.97 - cancelled, "started " + started.sum());
    // Every permit came back: a cancelled call that had started gave its permit back when its stage ended.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (bulkhead.inFlight() != 0 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertEquals(0, bulkhead.inFlight());
  }

  /**
   * A call's stage, which counts as running until it completes or is cancelled: the bulkhead's promise is about
   * stages, since a cancelled {@link CompletableFuture} gives no sign of when the work behind it stops.
   */
  private final class Call extends CompletableFuture<String> {
    private boolean ended;

    // Synchronized, so that whichever of complete and cancel comes second cannot complete the stage, and so free
    // its permit, before the first has counted the call's end.
    private synchronized void end() {
      if (!ended) {
        ended = true;
        exit();
      }
    }

    @Override
    public boolean complete(String value) {
      end();
      return super.complete(value);
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      end();
      return super.cancel(mayInterruptIfRunning);
    }
  }

  private void synchronousCall() {
    try {
      bulkhead.acquire();
    } catch (BulkheadFullException full) {
      return;
    }
    try {
      enter();
      exit();
    } finally {
      bulkhead.release();
    }
  }

  private void enter() {
    started.increment();
    int now = running.incrementAndGet();
    maxRunning.accumulateAndGet(now, Math::max);
  }

  private void exit() {
    running.decrementAndGet();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }
}
