package dev.chainmail.benchmarks.coldstart;

import dev.chainmail.benchmarks.chains.RetryChain;
import dev.chainmail.benchmarks.chains.Service;
import dev.chainmail.benchmarks.peers.JdkProxies;

/**
 * Cold start, a java.lang.reflect.Proxy: makes the first guarded call in a fresh JVM, checks it, and exits.
 */
public final class JdkProxyMain {

  private JdkProxyMain() {}

  /**
   * @param args ignored
   */
  public static void main(String[] args) {
    Service chain = JdkProxies.retrying(Service.class, new RetryChain());
    int result = chain.call(ColdStart.INPUT);
    ColdStart.check(result);
  }
}
