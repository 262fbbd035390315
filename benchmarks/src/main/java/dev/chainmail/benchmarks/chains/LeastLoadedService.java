package dev.chainmail.benchmarks.chains;

import dev.chainmail.Replicated;

/** A replicated {@link Service}: the power of two random choices over in-flight counts. */
@Replicated(strategy = Replicated.Strategy.LEAST_LOADED)
public interface LeastLoadedService extends Service {

  @Override
  int call(int x);
}
