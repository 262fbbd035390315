package dev.chainmail.benchmarks;

import dev.chainmail.benchmarks.chains.AddingReplica;
import dev.chainmail.benchmarks.chains.ResilientLeastLoadedService;
import dev.chainmail.benchmarks.chains.Service;

/** Scenario {@code replicated-least-loaded}: the power of two random choices over in-flight counts, over three healthy replicas. */
public class ReplicatedLeastLoadedBenchmark extends ReplicaScenario {

  @Override
  String scenario() {
    return "replicated-least-loaded";
  }

  @Override
  Service proxy(AddingReplica first, AddingReplica second, AddingReplica third) {
    return ResilientLeastLoadedService.replicated(first, second, third);
  }
}
