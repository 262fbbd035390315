package dev.chainmail.benchmarks.coldstart;

import dev.chainmail.benchmarks.chains.ResilientRetryChain;
import dev.chainmail.benchmarks.chains.RetryChain;

/**
 * Cold start, Chainmail: makes the first guarded call in a fresh JVM, checks it, and exits.
 */
public final class ChainmailMain {

  private ChainmailMain() {}

  /**
   * @param args ignored
   */
  public static void main(String[] args) {
    RetryChain chain = new ResilientRetryChain();
    int result = chain.call(ColdStart.INPUT);
    ColdStart.check(result);
  }
}
