package dev.chainmail.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;
import java.util.Optional;

/**
 * A validated {@code @Retry}. Durations keep the text the user wrote, which the runtime parses with the same
 * grammar the processor checked.
 *
 * @param maxAttempts total attempts
 * @param delay the first pause, if not zero
 * @param multiplier the backoff factor
 * @param maxDelay the cap on a pause, if any
 * @param jitter the random variation
 * @param maxDuration the time limit, if any
 * @param retryOn the failures retried; empty means every failure
 * @param abortOn the failures never retried
 */
public record RetrySpec(
    int maxAttempts,
    Optional<String> delay,
    double multiplier,
    Optional<String> maxDelay,
    double jitter,
    Optional<String> maxDuration,
    List<ClassName> retryOn,
    List<ClassName> abortOn) implements GuardSpec {}
