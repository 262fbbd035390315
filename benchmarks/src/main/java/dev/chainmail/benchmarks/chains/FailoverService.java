package dev.chainmail.benchmarks.chains;

import dev.chainmail.Replicated;

/** A replicated {@link Service}: the healthy replicas in order: the first serves every call. */
@Replicated(strategy = Replicated.Strategy.FAILOVER)
public interface FailoverService extends Service {

  @Override
  int call(int x);
}
