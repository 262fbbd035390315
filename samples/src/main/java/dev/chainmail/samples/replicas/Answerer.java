package dev.chainmail.samples.replicas;

import dev.chainmail.Heartbeat;
import dev.chainmail.Replicated;
import dev.chainmail.Retry;
import java.io.IOException;

/**
 * Answers questions from one of several providers: the calls go round the healthy ones in turn, a provider that
 * fails twice in a row is ejected for ten seconds (doubling each time), and every provider is probed every five
 * seconds. A call that every provider fails is retried once.
 */
@Replicated(strategy = Replicated.Strategy.ROUND_ROBIN, ejectAfter = 2, ejectFor = "10s")
public interface Answerer {

  @Retry(maxAttempts = 2)
  String answer(String question) throws IOException;

  @Heartbeat(every = "5s")
  boolean ping();
}
