package dev.chainmail.behaviour;

import dev.chainmail.Fallback;
import dev.chainmail.Heartbeat;
import dev.chainmail.Replicated;
import dev.chainmail.Retry;
import java.io.FileNotFoundException;
import java.io.IOException;

/**
 * A replicated interface chain: every method is replicated by the interface's {@code @Replicated}, whose detection
 * knobs the replica set takes, and some choose another strategy.
 */
@Replicated(ejectAfter = 2, ejectFor = "10s", maxEjectFor = "40s", maxEjectedPercent = 100)
interface Answerer {

  String answer(String question);

  @Replicated(strategy = Replicated.Strategy.ROUND_ROBIN)
  String spread(String question);

  @Replicated(strategy = Replicated.Strategy.WEIGHTED, weights = {2, 1, 1})
  String weighted(String question);

  @Replicated(strategy = Replicated.Strategy.LEAST_LOADED)
  String balanced(String question);

  @Replicated(strategy = Replicated.Strategy.RANDOM)
  String random(String question);

  @Replicated(failOn = IOException.class, skipOn = FileNotFoundException.class)
  String classified(String question) throws IOException;

  @Retry(maxAttempts = 2)
  @Fallback(method = "cached")
  String guarded(String question);

  default String cached(String question, Throwable failure) {
    return "cached " + question;
  }

  void record(String line);

  @Heartbeat(every = "5s")
  boolean ping();
}
