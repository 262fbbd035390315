package dev.chainmail.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
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
 * @param retryOnResult the method that tests each attempt's result, if any
 * @param delayFrom the method that reads a failure's wait, if any
 * @param delayFromType the type of the failure that method takes, when narrower than {@code Throwable}
 * @param budget the retries allowed per call; infinite for no budget
 * @param name the name that shares the budget, or empty
 */
public record RetrySpec(
    int maxAttempts,
    Optional<String> delay,
    double multiplier,
    Optional<String> maxDelay,
    double jitter,
    Optional<String> maxDuration,
    List<ClassName> retryOn,
    List<ClassName> abortOn,
    Optional<ChainMethodRef> retryOnResult,
    Optional<ChainMethodRef> delayFrom,
    Optional<TypeName> delayFromType,
    double budget,
    String name) implements GuardSpec {

  /** Whether the retry has a budget, so that the proxy counts each call. */
  public boolean hasBudget() {
    return !Double.isInfinite(budget);
  }
}
