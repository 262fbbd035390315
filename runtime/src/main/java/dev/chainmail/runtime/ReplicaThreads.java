package dev.chainmail.runtime;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The default replica executor: one JVM-wide pool of at most {@value #MAX_THREADS} daemon threads, named
 * {@code chainmail-replica-N}, created at the first task. Idle threads end after 30 s, so a process that stops
 * hedging keeps none. Tasks beyond the threads wait in the pool's queue. This class is thread-safe.
 */
final class ReplicaThreads {

  /** The most threads the default pool runs at once. */
  static final int MAX_THREADS = 64;

  private ReplicaThreads() {}

  /** @return the shared pool */
  static Executor shared() {
    return Holder.POOL;
  }

  /** Holds the pool, so that it is created at the first task and not when the class loads. */
  private static final class Holder {
    static final ThreadPoolExecutor POOL = create();

    private static ThreadPoolExecutor create() {
      AtomicInteger count = new AtomicInteger();
      ThreadPoolExecutor pool = new ThreadPoolExecutor(MAX_THREADS, MAX_THREADS, 30, TimeUnit.SECONDS,
          new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, "chainmail-replica-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
          });
      pool.allowCoreThreadTimeOut(true);
      return pool;
    }
  }
}
