package dev.chainmail.benchmarks.chains;

import dev.chainmail.Retry;

/**
 * {@link RetryChain} with a retry budget: each call counts toward the budget, one clock reading and one
 * compare-and-set, which is what a budget costs on the success path.
 */
public class BudgetedRetryChain implements Service {

  @Override
  @Retry(maxAttempts = 3, budget = 0.1)
  public int call(int x) {
    return x + 1;
  }
}
