package dev.chainmail.benchmarks;

import dev.chainmail.benchmarks.chains.AddingReplica;
import dev.chainmail.benchmarks.chains.ResilientWeightedService;
import dev.chainmail.benchmarks.chains.Service;

/** Scenario {@code replicated-weighted}: smooth weighted round robin over weights 2, 1, 1, over three healthy replicas. */
public class ReplicatedWeightedBenchmark extends ReplicaScenario {

  @Override
  String scenario() {
    return "replicated-weighted";
  }

  @Override
  Service proxy(AddingReplica first, AddingReplica second, AddingReplica third) {
    return ResilientWeightedService.replicated(first, second, third);
  }
}
