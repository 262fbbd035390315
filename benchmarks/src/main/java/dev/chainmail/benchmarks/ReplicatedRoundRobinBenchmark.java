package dev.chainmail.benchmarks;

import dev.chainmail.benchmarks.chains.AddingReplica;
import dev.chainmail.benchmarks.chains.ResilientRoundRobinService;
import dev.chainmail.benchmarks.chains.Service;

/** Scenario {@code replicated-round-robin}: the replicas in turn, over three healthy replicas. */
public class ReplicatedRoundRobinBenchmark extends ReplicaScenario {

  @Override
  String scenario() {
    return "replicated-round-robin";
  }

  @Override
  Service proxy(AddingReplica first, AddingReplica second, AddingReplica third) {
    return ResilientRoundRobinService.replicated(first, second, third);
  }
}
