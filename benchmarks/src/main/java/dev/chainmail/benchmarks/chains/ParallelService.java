package dev.chainmail.benchmarks.chains;

import dev.chainmail.Replicated;
import java.util.concurrent.CompletableFuture;

/** The chain of {@code ParallelReplicasBenchmark}: HEDGED and QUORUM, asynchronous and synchronous. */
public interface ParallelService {

  /** Hedged after 1 s, which the benchmark's replicas never reach. */
  @Replicated(strategy = Replicated.Strategy.HEDGED, hedgeDelay = "1s")
  CompletableFuture<Integer> hedgedAsync(int x);

  @Replicated(strategy = Replicated.Strategy.HEDGED, hedgeDelay = "1s")
  int hedgedSync(int x);

  /** A strict majority of the three replicas. */
  @Replicated(strategy = Replicated.Strategy.QUORUM)
  CompletableFuture<Integer> quorumAsync(int x);

  @Replicated(strategy = Replicated.Strategy.QUORUM)
  int quorumSync(int x);

  /** The plain implementation: every replica answers at once, with the same value. */
  final class Adder implements ParallelService {
    @Override
    public CompletableFuture<Integer> hedgedAsync(int x) {
      return CompletableFuture.completedFuture(x + 1);
    }

    @Override
    public int hedgedSync(int x) {
      return x + 1;
    }

    @Override
    public CompletableFuture<Integer> quorumAsync(int x) {
      return CompletableFuture.completedFuture(x + 1);
    }

    @Override
    public int quorumSync(int x) {
      return x + 1;
    }
  }
}
