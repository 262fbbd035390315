package dev.chainmail.benchmarks;

import dev.chainmail.benchmarks.chains.AddingReplica;
import dev.chainmail.benchmarks.chains.ResilientFailoverService;
import dev.chainmail.benchmarks.chains.Service;

/** Scenario {@code replicated-failover}: the healthy replicas in order: the first serves every call, over three healthy replicas. */
public class ReplicatedFailoverBenchmark extends ReplicaScenario {

  @Override
  String scenario() {
    return "replicated-failover";
  }

  @Override
  Service proxy(AddingReplica first, AddingReplica second, AddingReplica third) {
    return ResilientFailoverService.replicated(first, second, third);
  }
}
