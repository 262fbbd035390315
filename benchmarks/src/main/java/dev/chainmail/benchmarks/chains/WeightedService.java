package dev.chainmail.benchmarks.chains;

import dev.chainmail.Replicated;

/** A replicated {@link Service}: smooth weighted round robin over weights 2, 1, 1. */
@Replicated(strategy = Replicated.Strategy.WEIGHTED, weights = {2, 1, 1})
public interface WeightedService extends Service {

  @Override
  int call(int x);
}
