package dev.chainmail.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;
import java.util.Optional;

/**
 * A validated {@code @CircuitBreaker}. Durations keep the text the user wrote.
 *
 * @param requestVolumeThreshold the size of the rolling window
 * @param failureRatio the share of failures that opens the breaker
 * @param delay how long it stays open, if not the default
 * @param successThreshold the trial calls when half-open
 * @param timeWindow whether the window counts seconds rather than calls
 * @param minimumCalls with a time window, the calls needed before judging
 * @param slowCallThreshold the duration past which a call is slow, if any
 * @param slowCallRatio the share of slow calls that opens the breaker
 * @param failOn the failures counted; empty means every failure
 * @param skipOn the failures counted as successes
 * @param name the shared breaker's name, or empty
 */
public record CircuitBreakerSpec(
    int requestVolumeThreshold,
    double failureRatio,
    Optional<String> delay,
    int successThreshold,
    boolean timeWindow,
    int minimumCalls,
    Optional<String> slowCallThreshold,
    double slowCallRatio,
    List<ClassName> failOn,
    List<ClassName> skipOn,
    String name) implements GuardSpec {}
