package dev.chainmail.benchmarks.chains;

import java.util.concurrent.CompletableFuture;

/**
 * The plain {@link AsyncService}: it answers with a stage that is already complete, or, once {@link #arm} has been
 * called, with the pending stage it returned, which the benchmark completes after the guarded call has returned,
 * as a reply arriving later would. Used by one thread.
 */
public final class AsyncAdder implements AsyncService {

  private CompletableFuture<Integer> armed;

  /**
   * Makes the next call answer with a pending stage.
   *
   * @return the stage, for the caller to complete
   */
  public CompletableFuture<Integer> arm() {
    armed = new CompletableFuture<>();
    return armed;
  }

  @Override
  public CompletableFuture<Integer> call(int x) {
    CompletableFuture<Integer> pending = armed;
    if (pending != null) {
      armed = null;
      return pending;
    }
    return CompletableFuture.completedFuture(x + 1);
  }
}
