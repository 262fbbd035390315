package dev.chainmail.benchmarks.coldstart;

import dev.chainmail.benchmarks.chains.RetryChain;

/**
 * Cold start, direct call, the floor: makes the first guarded call in a fresh JVM, checks it, and exits.
 */
public final class DirectMain {

  private DirectMain() {}

  /**
   * @param args ignored
   */
  public static void main(String[] args) {
    int result = new RetryChain().call(ColdStart.INPUT);
    ColdStart.check(result);
  }
}
