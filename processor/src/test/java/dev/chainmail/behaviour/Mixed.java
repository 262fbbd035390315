package dev.chainmail.behaviour;

import dev.chainmail.CircuitBreaker;
import dev.chainmail.Replicated;

/** An interface chain with one replicated method beside one that goes to the primary replica. */
interface Mixed {

  @Replicated
  String replicated(String question);

  String primaryOnly(String question);

  @CircuitBreaker(requestVolumeThreshold = 2, failureRatio = 1.0, delay = "1m")
  @Replicated
  String broken(String question);
}
