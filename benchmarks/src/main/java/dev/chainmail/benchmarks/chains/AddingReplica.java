package dev.chainmail.benchmarks.chains;

/**
 * One replica of every replicated benchmark service: the one-addition method, always successful. It reads no state
 * and may be shared.
 */
public final class AddingReplica
    implements FailoverService, RoundRobinService, LeastLoadedService, RandomService, WeightedService {

  @Override
  public int call(int x) {
    return x + 1;
  }
}
