package dev.chainmail.processor.model;

import com.palantir.javapoet.TypeName;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A method the proxy overrides with guards.
 *
 * @param signature the signature it declares
 * @param id the method as events and config keys name it, by the chain type's binary name:
 *     {@code com.example.ResearchChain/answer}, {@code com.example.Outer$Inner/answer}
 * @param fieldPrefix the unique prefix of the proxy fields that hold this method's policies: the method name,
 *     followed by {@code $2}, {@code $3}, ... for later overloads
 * @param locals the names of the generated locals, chosen not to clash with the parameters
 * @param guards the specs of its guards, at most one of each kind
 * @param onType the kinds of those guards whose annotation is written on the chain type rather than on the method
 * @param stageValue for an asynchronous method, one returning {@code CompletionStage<T>} or
 *     {@code CompletableFuture<T>}, the type {@code T} its stage completes with; empty for a synchronous one
 */
public record GuardedMethod(
    MethodSignature signature,
    String id,
    String fieldPrefix,
    LocalNames locals,
    List<GuardSpec> guards,
    Set<Class<? extends GuardSpec>> onType,
    Optional<TypeName> stageValue) {

  /** Whether the method is asynchronous: its guards act on the stage it returns. */
  public boolean isAsync() {
    return stageValue.isPresent();
  }

  /**
   * Whether the method's guard of a kind comes from an annotation on the chain type, so that the type's config keys
   * apply to it too.
   */
  public boolean onType(Class<? extends GuardSpec> kind) {
    return onType.contains(kind);
  }

  /** Returns the method's guard of a kind, such as {@code guard(RetrySpec.class)}. */
  public <T extends GuardSpec> Optional<T> guard(Class<T> kind) {
    for (GuardSpec spec : guards) {
      if (kind.isInstance(spec)) {
        return Optional.of(kind.cast(spec));
      }
    }
    return Optional.empty();
  }

  /** Whether the method has a guard of a kind. */
  public boolean has(Class<? extends GuardSpec> kind) {
    return guard(kind).isPresent();
  }

  /**
   * The names of the locals a guarded method declares.
   *
   * @param attempt the attempt counter
   * @param failure the caught failure
   * @param start the start time, read when a time limit applies
   * @param permit the circuit breaker's permit
   * @param recorded whether the circuit breaker has recorded the outcome of the call beneath it
   * @param callStart the start time of one call, read when the circuit breaker has a slow-call threshold
   * @param deadline the timeout's deadline
   * @param run the durable run the call belongs to
   * @param step a durable step's call
   * @param result the value a durable method records
   * @param replica the index of the replica a replicated call is at
   * @param target the replica a replicated call is at
   * @param tried the replicas a replicated call has tried, as a bit mask
   * @param failures the earlier failures of a replicated call
   * @param failed whether a replicated call's replica failed
   */
  public record LocalNames(String attempt, String failure, String start, String permit, String recorded,
      String callStart, String deadline, String run, String step, String result, String replica, String target,
      String tried, String failures, String failed) {}
}
