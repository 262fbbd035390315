package dev.chainmail.benchmarks.tail;

import dev.chainmail.runtime.ChainmailContext;
import dev.chainmail.runtime.VirtualTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * A tail-latency simulation in the style of "The Tail at Scale" (Dean and Barroso, 2013), in virtual time: two
 * replicas whose calls take about 10 ms (log-normal, sigma 0.3) 98% of the time and 1 s the other 2%, independently
 * per replica and call, and 50,000 calls arriving at 1,000 per second (Poisson). Each way of calling is measured
 * over the same arrivals and draws: one replica, Chainmail's {@code HEDGED} (adaptive delay, and a fixed 20 ms),
 * and what users write by hand, {@code CompletableFuture.anyOf} over the first call and a second one sent after
 * 20 ms if the first has not answered, which returns the first call to complete, even a failure, and has no budget.
 * A second scenario adds fast failures: 1% of the calls fail after 1 ms.
 *
 * <p>Run it with {@code java -cp benchmarks/target/benchmarks.jar
 * dev.chainmail.benchmarks.tail.TailLatencySimulation}; it prints a Markdown table.
 */
public final class TailLatencySimulation {

  private static final long MS = 1_000_000L;
  private static final int CALLS = 50_000;
  private static final double RATE_PER_MS = 1.0;

  /** How one replica answers: its latency, and whether it fails, per call, drawn from a seeded source. */
  private static final class Replica implements SimulatedService {
    private final VirtualTime time;
    private final SplittableRandom random;
    private final double failureRate;
    private final AtomicLong calls;

    Replica(VirtualTime time, long seed, double failureRate, AtomicLong calls) {
      this.time = time;
      this.random = new SplittableRandom(seed);
      this.failureRate = failureRate;
      this.calls = calls;
    }

    private CompletionStage<Integer> answer(int x) {
      calls.incrementAndGet();
      CompletableFuture<Integer> reply = new CompletableFuture<>();
      boolean fails = random.nextDouble() < failureRate;
      long latency = fails ? MS : random.nextDouble() < 0.98 ? logNormal(10 * MS, 0.3) : 1_000 * MS;
      time.scheduler().schedule(() -> {
        if (fails) {
          reply.completeExceptionally(new java.io.IOException("replica failed"));
        } else {
          reply.complete(x);
        }
      }, latency);
      return reply;
    }

    private long logNormal(long median, double sigma) {
      double u = random.nextDouble();
      double v = random.nextDouble();
      double gaussian = Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
      return (long) (median * Math.exp(sigma * gaussian));
    }

    @Override
    public CompletionStage<Integer> single(int x) {
      return answer(x);
    }

    @Override
    public CompletionStage<Integer> hedged(int x) {
      return answer(x);
    }

    @Override
    public CompletionStage<Integer> hedgedFixed(int x) {
      return answer(x);
    }
  }

  /** One way of calling, over one scenario. */
  private record Result(String scenario, String way, long[] latencies, long failures, double extraCalls) {}

  private interface Way {
    CompletionStage<Integer> call(SimulatedService proxy, Replica[] replicas, VirtualTime time, int x);
  }

  public static void main(String[] args) {
    List<Result> results = new ArrayList<>();
    for (double failureRate : new double[] {0.0, 0.01}) {
      String scenario = failureRate == 0 ? "slow 2%" : "slow 2%, fail fast 1%";
      results.add(run(scenario, "one replica", failureRate, (proxy, replicas, time, x) -> proxy.single(x)));
      results.add(run(scenario, "chainmail HEDGED, adaptive delay", failureRate,
          (proxy, replicas, time, x) -> proxy.hedged(x)));
      results.add(run(scenario, "chainmail HEDGED, 20 ms", failureRate,
          (proxy, replicas, time, x) -> proxy.hedgedFixed(x)));
      results.add(run(scenario, "anyOf, second call after 20 ms", failureRate, TailLatencySimulation::anyOf));
    }
    System.out.println("| scenario | way | p50 (ms) | p99 (ms) | p99.9 (ms) | failed calls | extra calls |");
    System.out.println("| --- | --- | ---: | ---: | ---: | ---: | ---: |");
    for (Result result : results) {
      long[] sorted = result.latencies().clone();
      Arrays.sort(sorted);
      System.out.printf(Locale.ROOT, "| %s | %s | %.1f | %.1f | %.1f | %.2f%% | %.1f%% |%n", result.scenario(),
          result.way(), percentile(sorted, 0.50), percentile(sorted, 0.99), percentile(sorted, 0.999),
          100.0 * result.failures() / CALLS, 100.0 * result.extraCalls());
    }
  }

  /** What users write by hand: the first call, and a second after 20 ms if the first is not done; anyOf of both. */
  private static CompletionStage<Integer> anyOf(SimulatedService proxy, Replica[] replicas, VirtualTime time,
      int x) {
    CompletableFuture<Integer> first = replicas[0].single(x).toCompletableFuture();
    CompletableFuture<Integer> second = new CompletableFuture<>();
    time.scheduler().schedule(() -> {
      if (!first.isDone()) {
        replicas[1].single(x).whenComplete((value, failure) -> {
          if (failure == null) {
            second.complete(value);
          } else {
            second.completeExceptionally(failure);
          }
        });
      }
    }, 20 * MS);
    return CompletableFuture.anyOf(first, second).thenApply(value -> (Integer) value);
  }

  private static Result run(String scenario, String way, double failureRate, Way calling) {
    VirtualTime time = new VirtualTime();
    AtomicLong replicaCalls = new AtomicLong();
    Replica[] replicas = {new Replica(time, 1, failureRate, replicaCalls), new Replica(time, 2, failureRate,
        replicaCalls)};
    ChainmailContext context = ChainmailContext.builder().clock(time).sleeper(time).flightRecorder(false).build();
    SimulatedService proxy = ResilientSimulatedService.replicated(context, List.of(replicas));
    long[] latencies = new long[CALLS];
    AtomicLong failures = new AtomicLong();
    AtomicLong done = new AtomicLong();
    SplittableRandom arrivals = new SplittableRandom(3);
    long at = 0;
    IntFunction<Runnable> arrival = index -> () -> {
      long start = time.nanoTime();
      calling.call(proxy, replicas, time, index).whenComplete((value, failure) -> {
        latencies[index] = time.nanoTime() - start;
        if (failure != null) {
          failures.incrementAndGet();
        }
        done.incrementAndGet();
      });
    };
    for (int i = 0; i < CALLS; i++) {
      at += (long) (-Math.log(1 - arrivals.nextDouble()) / RATE_PER_MS * MS);
      time.scheduler().schedule(arrival.apply(i), at);
    }
    while (done.get() < CALLS) {
      time.advance(10 * MS);
    }
    return new Result(scenario, way, latencies, failures.get(), (double) replicaCalls.get() / CALLS - 1);
  }

  private static double percentile(long[] sorted, double q) {
    return sorted[(int) Math.ceil(q * sorted.length) - 1] / (double) MS;
  }

  private TailLatencySimulation() {}
}
