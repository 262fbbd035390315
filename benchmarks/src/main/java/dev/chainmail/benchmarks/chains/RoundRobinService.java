package dev.chainmail.benchmarks.chains;

import dev.chainmail.Replicated;

/** A replicated {@link Service}: the replicas in turn. */
@Replicated(strategy = Replicated.Strategy.ROUND_ROBIN)
public interface RoundRobinService extends Service {

  @Override
  int call(int x);
}
