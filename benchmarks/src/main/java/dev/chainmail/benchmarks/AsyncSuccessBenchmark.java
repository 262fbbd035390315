package dev.chainmail.benchmarks;

import dev.chainmail.benchmarks.chains.AsyncAdder;
import dev.chainmail.benchmarks.chains.AsyncService;
import dev.chainmail.benchmarks.chains.ResilientAsyncService;
import dev.chainmail.benchmarks.peers.Policies;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import io.github.resilience4j.decorators.Decorators;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scenarios {@code async-completed} and {@code async-pending}: an asynchronous method under a retry (3 attempts, no
 * pause) over a 1 s timeout, the same policy in each library, succeeding at its first attempt. In
 * {@code completed} the method's stage is already complete when it returns, as a cache hit's is; in
 * {@code pending} it completes after the guarded call has returned, as a remote reply does, so every guard must
 * compose with it and the timeout must arm a timer. Each operation makes one call and joins its stage.
 */
@BenchmarkMode(Mode.AverageTime)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class AsyncSuccessBenchmark {

  /** Whether the method's stage is complete when it returns, or completes after the guarded call returns. */
  @Param({"completed", "pending"})
  String stage;

  /** The input: a field, not a constant, so that the call cannot be folded away. */
  int x = 41;

  private boolean pending;
  private AsyncAdder plain;
  private AsyncService chainmail;
  private Supplier<CompletionStage<Integer>> resilience4j;
  private FailsafeExecutor<Integer> failsafe;
  private ScheduledExecutorService scheduler;

  /** Builds every implementation once, as an application would at start-up, and checks that each is sound. */
  @Setup(Level.Trial)
  public void setUp() {
    pending = stage.equals("pending");
    plain = new AsyncAdder();
    chainmail = new ResilientAsyncService(plain);
    scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "peer-scheduler");
      thread.setDaemon(true);
      return thread;
    });
    TimeLimiter limiter = TimeLimiter.of(TimeLimiterConfig.custom().timeoutDuration(Policies.TIMEOUT)
        .cancelRunningFuture(true).build());
    resilience4j = Decorators.ofCompletionStage(() -> plain.call(x))
        .withTimeLimiter(limiter, scheduler)
        .withRetry(Policies.resilience4j("async-" + stage), scheduler)
        .decorate();
    // Failsafe runs the supplier on its executor, the common pool by default, so each call hops a thread: that is
    // how Failsafe runs asynchronous executions. (With a direct executor, getStageAsync completes with null.)
    failsafe = Failsafe.with(Policies.failsafe(), Policies.failsafeTimeout(Policies.TIMEOUT, false));

    int expected = direct();
    String scenario = "async-" + stage;
    Sanity.sameResult(scenario, "chainmail", expected, chainmail());
    Sanity.sameResult(scenario, "resilience4j", expected, resilience4j());
    Sanity.sameResult(scenario, "failsafe", expected, failsafe());
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    scheduler.shutdownNow();
  }

  /** Completes the method's stage, in {@code pending}, after the guarded call has returned its own. */
  private int finish(CompletableFuture<Integer> armed, CompletionStage<Integer> guarded) {
    if (armed != null) {
      armed.complete(x + 1);
    }
    return guarded.toCompletableFuture().join();
  }

  /** The floor: the method called with no guard, its stage joined. */
  @Benchmark
  public int direct() {
    CompletableFuture<Integer> armed = pending ? plain.arm() : null;
    return finish(armed, plain.call(x));
  }

  /** The generated proxy, {@code new ResilientAsyncService(plain)}. */
  @Benchmark
  public int chainmail() {
    CompletableFuture<Integer> armed = pending ? plain.arm() : null;
    return finish(armed, chainmail.call(x));
  }

  /**
   * Resilience4j, decorated once:
   * {@code Decorators.ofCompletionStage(supplier).withTimeLimiter(limiter, scheduler).withRetry(retry, scheduler)}.
   */
  @Benchmark
  public int resilience4j() {
    CompletableFuture<Integer> armed = pending ? plain.arm() : null;
    return finish(armed, resilience4j.get());
  }

  /** Failsafe: {@code Failsafe.with(retryPolicy, timeout).getStageAsync(supplier)}, on its default executor. */
  @Benchmark
  public int failsafe() {
    CompletableFuture<Integer> armed = pending ? plain.arm() : null;
    return finish(armed, failsafe.getStageAsync(() -> plain.call(x)));
  }
}
