package dev.chainmail.benchmarks;

import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Scenario {@code replicated-least-loaded-contention}: the {@code replicated-least-loaded} calls made by two threads at once
 * through one shared proxy, whose counters both threads write; time is per call, per thread.
 */
@State(Scope.Benchmark)
@Threads(2)
public class ReplicatedLeastLoadedContentionBenchmark extends ReplicatedLeastLoadedBenchmark {

  @Override
  String scenario() {
    return "replicated-least-loaded-contention";
  }
}
