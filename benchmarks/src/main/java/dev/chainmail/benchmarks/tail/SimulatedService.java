package dev.chainmail.benchmarks.tail;

import dev.chainmail.Replicated;
import java.util.concurrent.CompletionStage;

/** The replicated service of the tail-latency simulation, one method per way of calling it. */
public interface SimulatedService {

  /** Each call to one replica: the latency without hedging. */
  @Replicated(strategy = Replicated.Strategy.FAILOVER)
  CompletionStage<Integer> single(int x);

  /** Hedged after the adaptive delay, the p95 of recent successes, within the default budget of 10%. */
  @Replicated(strategy = Replicated.Strategy.HEDGED)
  CompletionStage<Integer> hedged(int x);

  /** Hedged after a fixed 20 ms, within the default budget. */
  @Replicated(strategy = Replicated.Strategy.HEDGED, hedgeDelay = "20ms")
  CompletionStage<Integer> hedgedFixed(int x);
}
