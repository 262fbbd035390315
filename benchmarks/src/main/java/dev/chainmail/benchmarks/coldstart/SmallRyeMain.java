package dev.chainmail.benchmarks.coldstart;

import dev.chainmail.benchmarks.chains.RetryChain;
import dev.chainmail.benchmarks.peers.Policies;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.smallrye.faulttolerance.standalone.StandaloneFaultTolerance;

/**
 * Cold start, SmallRye Fault Tolerance standalone: makes the first guarded call in a fresh JVM, checks it, and exits.
 */
public final class SmallRyeMain {

  private SmallRyeMain() {}

  /**
   * @param args ignored
   * @throws InterruptedException if interrupted while SmallRye shuts down
   */
  public static void main(String[] args) throws InterruptedException {
    RetryChain chain = new RetryChain();
    TypedGuard<Integer> guard = Policies.smallRye(TypedGuard.create(Integer.class)).build();
    int result = guard.get(() -> chain.call(ColdStart.INPUT));
    ColdStart.check(result);
    // Standalone SmallRye starts a non-daemon timer thread; its documentation asks applications to shut it down.
    StandaloneFaultTolerance.shutdown();
  }
}
