package dev.chainmail.processor.model;

import java.util.Optional;

/**
 * A method the proxy overrides with guards.
 *
 * @param signature the signature it declares
 * @param id the method as events and config keys name it: {@code com.example.ResearchChain/answer}
 * @param fieldPrefix the unique prefix of the proxy fields that hold this method's policies: the method name,
 *     followed by {@code $2}, {@code $3}, ... for later overloads
 * @param locals the names of the generated locals, chosen not to clash with the parameters
 * @param retry the retry guard
 * @param fallback the fallback guard
 */
public record GuardedMethod(
    MethodSignature signature,
    String id,
    String fieldPrefix,
    LocalNames locals,
    Optional<RetrySpec> retry,
    Optional<FallbackSpec> fallback) {

  /**
   * The names of the locals a guarded method declares.
   *
   * @param attempt the attempt counter
   * @param failure the caught failure
   * @param start the start time, read when a time limit applies
   */
  public record LocalNames(String attempt, String failure, String start) {}
}
