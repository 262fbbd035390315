package dev.chainmail.benchmarks.chains;

import dev.chainmail.Retry;
import dev.chainmail.Timeout;
import java.util.concurrent.CompletableFuture;

/** The asynchronous chain of {@code AsyncSuccessBenchmark}: a retry (3 attempts, no pause) over a 1 s timeout. */
public interface AsyncService {

  /**
   * Answers a call with a stage.
   *
   * @param x the input
   * @return a stage of a value derived from {@code x}
   */
  @Retry(maxAttempts = 3)
  @Timeout("1s")
  CompletableFuture<Integer> call(int x);
}
