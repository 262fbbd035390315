package dev.chainmail.benchmarks;

import dev.chainmail.benchmarks.chains.AddingReplica;
import dev.chainmail.benchmarks.chains.ResilientRandomService;
import dev.chainmail.benchmarks.chains.Service;

/** Scenario {@code replicated-random}: a replica at random, over three healthy replicas. */
public class ReplicatedRandomBenchmark extends ReplicaScenario {

  @Override
  String scenario() {
    return "replicated-random";
  }

  @Override
  Service proxy(AddingReplica first, AddingReplica second, AddingReplica third) {
    return ResilientRandomService.replicated(first, second, third);
  }
}
