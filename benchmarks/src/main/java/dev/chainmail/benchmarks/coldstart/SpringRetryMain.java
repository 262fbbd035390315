package dev.chainmail.benchmarks.coldstart;

import dev.chainmail.benchmarks.chains.RetryChain;
import dev.chainmail.benchmarks.peers.Policies;

/**
 * Cold start, Spring Retry with no Spring context: makes the first guarded call in a fresh JVM, checks it, and exits.
 */
public final class SpringRetryMain {

  private SpringRetryMain() {}

  /**
   * @param args ignored
   */
  public static void main(String[] args) {
    RetryChain chain = new RetryChain();
    int result = Policies.springRetry().execute(context -> chain.call(ColdStart.INPUT));
    ColdStart.check(result);
  }
}
