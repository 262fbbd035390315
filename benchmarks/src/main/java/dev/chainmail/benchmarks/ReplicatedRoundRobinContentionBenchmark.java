package dev.chainmail.benchmarks;

import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Scenario {@code replicated-round-robin-contention}: the {@code replicated-round-robin} calls made by two threads at once
 * through one shared proxy, whose counters both threads write; time is per call, per thread.
 */
@State(Scope.Benchmark)
@Threads(2)
public class ReplicatedRoundRobinContentionBenchmark extends ReplicatedRoundRobinBenchmark {

  @Override
  String scenario() {
    return "replicated-round-robin-contention";
  }
}
