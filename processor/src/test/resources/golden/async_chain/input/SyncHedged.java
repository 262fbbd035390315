package com.example;

import dev.chainmail.CircuitBreaker;
import dev.chainmail.Replicated;
import dev.chainmail.Timeout;
import java.io.IOException;

/** A synchronous hedged interface: each replica's call runs on the replica executor, and the caller waits. */
@Replicated(strategy = Replicated.Strategy.HEDGED, hedgeDelay = "200ms")
public interface SyncHedged {

  @CircuitBreaker
  @Timeout("1s")
  String lookup(String key) throws IOException;

  @dev.chainmail.Retry(maxAttempts = 2)
  void store(String key, String value);

  @Replicated(strategy = Replicated.Strategy.HEDGED, failOn = IOException.class)
  int count() throws IOException;
}
