package dev.chainmail.benchmarks;

import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Scenario {@code retry-contention}: the {@code retry-success} calls made by two threads at once through one
 * shared guard, as a shared service would be. A guard that writes shared state on every call (metrics counters,
 * for example) shows it here; time is per call, per thread. The benchmark methods are inherited: only the state's
 * scope, shared rather than per thread, and the thread count differ.
 */
@State(Scope.Benchmark)
@Threads(2)
public class RetryContentionBenchmark extends RetrySuccessBenchmark {

  @Override
  String scenario() {
    return "retry-contention";
  }
}
