package dev.chainmail.benchmarks;

import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Scenario {@code bulkhead-contention}: the {@code bulkhead-success} calls made by two threads at once through one
 * shared bulkhead, which is never full. Every call takes and gives back a permit of the same shared counter, so
 * the two threads write one cache line; time is per call, per thread. The benchmark methods are inherited: only
 * the state's scope, shared rather than per thread, and the thread count differ.
 */
@State(Scope.Benchmark)
@Threads(2)
public class BulkheadContentionBenchmark extends BulkheadSuccessBenchmark {

  @Override
  String scenario() {
    return "bulkhead-contention";
  }
}
