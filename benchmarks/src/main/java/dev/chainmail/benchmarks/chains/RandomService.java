package dev.chainmail.benchmarks.chains;

import dev.chainmail.Replicated;

/** A replicated {@link Service}: a replica at random. */
@Replicated(strategy = Replicated.Strategy.RANDOM)
public interface RandomService extends Service {

  @Override
  int call(int x);
}
