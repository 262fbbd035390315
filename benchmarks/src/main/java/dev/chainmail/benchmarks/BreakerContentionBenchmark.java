package dev.chainmail.benchmarks;

import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Scenario {@code breaker-contention}: the {@code breaker-success} calls made by two threads at once through one
 * shared breaker. A breaker that records every outcome in a shared window writes shared state on every call and
 * shows it here; time is per call, per thread. The benchmark methods are inherited: only the state's scope, shared
 * rather than per thread, and the thread count differ.
 */
@State(Scope.Benchmark)
@Threads(2)
public class BreakerContentionBenchmark extends BreakerSuccessBenchmark {

  @Override
  String scenario() {
    return "breaker-contention";
  }
}
