package dev.chainmail.benchmarks.coldstart;

import dev.chainmail.benchmarks.chains.RetryChain;
import dev.chainmail.benchmarks.peers.ByteBuddyProxies;

/**
 * Cold start, a Byte Buddy subclass proxy: makes the first guarded call in a fresh JVM, checks it, and exits.
 */
public final class ByteBuddyMain {

  private ByteBuddyMain() {}

  /**
   * @param args ignored
   */
  public static void main(String[] args) {
    RetryChain chain = ByteBuddyProxies.retrying(RetryChain.class, "call");
    int result = chain.call(ColdStart.INPUT);
    ColdStart.check(result);
  }
}
