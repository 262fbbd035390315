package dev.chainmail.behaviour;

import dev.chainmail.CircuitBreaker;
import dev.chainmail.Replicated;

/**
 * An interface chain without a heartbeat, so that only calls judge its replicas: two replicated methods, whose
 * detection knobs agree, beside one that goes to the primary replica.
 */
interface Mixed {

  @Replicated(ejectAfter = 2, ejectFor = "10s", maxEjectFor = "40s", maxEjectedPercent = 100)
  String ask(String question);

  String primaryOnly(String question);

  @CircuitBreaker(requestVolumeThreshold = 2, failureRatio = 1.0, delay = "1m")
  @Replicated(ejectAfter = 2, ejectFor = "10s", maxEjectFor = "40s", maxEjectedPercent = 100)
  String broken(String question);
}
