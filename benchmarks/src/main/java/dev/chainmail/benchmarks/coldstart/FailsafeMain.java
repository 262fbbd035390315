package dev.chainmail.benchmarks.coldstart;

import dev.chainmail.benchmarks.chains.RetryChain;
import dev.chainmail.benchmarks.peers.Policies;
import dev.failsafe.Failsafe;

/**
 * Cold start, Failsafe: makes the first guarded call in a fresh JVM, checks it, and exits.
 */
public final class FailsafeMain {

  private FailsafeMain() {}

  /**
   * @param args ignored
   */
  public static void main(String[] args) {
    RetryChain chain = new RetryChain();
    int result = Failsafe.with(Policies.failsafe()).get(() -> chain.call(ColdStart.INPUT));
    ColdStart.check(result);
  }
}
