package dev.chainmail.benchmarks.coldstart;

import dev.chainmail.benchmarks.chains.RetryChain;
import dev.chainmail.benchmarks.peers.Policies;
import io.github.resilience4j.retry.Retry;

/**
 * Cold start, Resilience4j: makes the first guarded call in a fresh JVM, checks it, and exits.
 */
public final class Resilience4jMain {

  private Resilience4jMain() {}

  /**
   * @param args ignored
   */
  public static void main(String[] args) {
    RetryChain chain = new RetryChain();
    Retry retry = Policies.resilience4j("cold-start");
    int result = retry.executeSupplier(() -> chain.call(ColdStart.INPUT));
    ColdStart.check(result);
  }
}
