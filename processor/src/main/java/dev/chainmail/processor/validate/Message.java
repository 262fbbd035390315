package dev.chainmail.processor.validate;

/**
 * Every diagnostic the processor reports, in one place. Each says what is wrong, why, and how to fix it.
 * Arguments are filled in with {@link String#format}.
 */
public enum Message {
  TYPE_ENUM("%s is an enum, and the generated proxy must extend its chain class. Move the guarded methods to a "
      + "class or an interface."),
  TYPE_RECORD("%s is a record, and records are final, so the generated proxy cannot extend it. Move the guarded "
      + "methods to a class or an interface."),
  TYPE_ANNOTATION("%s is an annotation type, which cannot be a chain type. Move the guarded methods to a class or "
      + "an interface."),
  TYPE_FINAL("%s is final, so the generated proxy cannot extend it. Remove 'final' from the class, or annotate an "
      + "interface it implements instead."),
  TYPE_INNER("%s is an inner (non-static nested) class, which the generated proxy cannot extend without an "
      + "enclosing instance. Declare it 'static'."),
  TYPE_PRIVATE("%s is private, or nested in a private type, so the generated proxy in package %s cannot see it. "
      + "Make it package-private or wider."),
  TYPE_NO_CONSTRUCTOR("%s has no constructor the generated proxy can call: all of them are private. Add a "
      + "constructor that is package-private or wider."),
  TYPE_ABSTRACT_METHOD("%s is abstract and does not implement %s, so the generated proxy would be abstract too. "
      + "Implement the method, or annotate an interface instead, whose proxy wraps an implementation."),
  TYPE_CONTEXT_CONSTRUCTOR("the constructor %s takes a ChainmailContext first, which clashes with the constructor "
      + "the generated proxy adds for each constructor. Move the ChainmailContext parameter, or remove it."),
  TYPE_UNRESOLVED("the proxy for %s was not generated, because these types could not be resolved: %s. Fix the "
      + "errors about them first."),
  TYPE_PROXY_EXISTS("cannot write %s, the proxy of %s: a type of that name already exists. Rename that type."),

  ASYNC_CHECKPOINT("@Checkpoint cannot be used on %s, which returns %s: a durable step records the value a call "
      + "returns, and a stage is not a value yet. Checkpoint a synchronous method instead, such as the one whose "
      + "result the stage completes with."),
  ASYNC_RUN_ID("@RunId cannot be used on %s, which returns %s: a durable run belongs to the thread that runs it, "
      + "and an asynchronous method gives its thread up at once. Make the entry synchronous; it may wait for a "
      + "stage with join()."),

  METHOD_PRIVATE("@%s cannot be used on private method %s: the generated proxy must override it. Make it "
      + "package-private or wider, or move the annotation."),
  METHOD_STATIC("@%s cannot be used on static method %s: a static method cannot be overridden by the generated "
      + "proxy. Make it an instance method, or move the annotation."),
  METHOD_FINAL("@%s cannot be used on final method %s: the generated proxy must override it. Remove 'final', or "
      + "move the annotation."),
  METHOD_ABSTRACT("@%s cannot be used on abstract method %s of a class: the generated proxy calls the method it "
      + "overrides, which has no body. Implement it, or annotate an interface instead."),

  RETRY_MAX_ATTEMPTS("@Retry maxAttempts is %d, but it counts the first call too, so it must be at least 1. Use 1 "
      + "for no retry, or remove @Retry."),
  RETRY_MULTIPLIER("@Retry multiplier is %s, but pauses cannot shrink: use 1.0 for a fixed delay, or more than "
      + "that for exponential backoff."),
  RETRY_JITTER("@Retry jitter is %s, but it is the fraction by which each pause varies, so it must be in [0, 1]. "
      + "Use 0.2, for example, to vary each pause by up to 20%% either way."),
  RETRY_MAX_DELAY("@Retry maxDelay \"%s\" is shorter than delay \"%s\", so every pause would be cut to maxDelay. "
      + "Raise maxDelay, or lower delay."),
  RETRY_MAX_DURATION_ZERO("@Retry maxDuration \"%s\" is zero, which allows no retry at all. Remove maxDuration, or "
      + "use maxAttempts = 1 for no retry."),
  RETRY_ON_EMPTY("@Retry retryOn is empty, so no failure would ever be retried. List the failures to retry, or "
      + "remove @Retry."),
  RETRY_ON_ABORTED("@Retry retryOn %s is covered by abortOn %s, so it would never be retried. Remove %s from "
      + "retryOn, or narrow abortOn to the subclasses that must not be retried."),
  RETRY_BUDGET("@Retry budget is %s, but it is the retries allowed per call, so it must be at least 0. Use 0.1 to "
      + "let retries add at most 10%% to the load, or remove budget for none."),
  RETRY_NAME_WITHOUT_BUDGET("@Retry name \"%s\" names a shared retry budget, but this @Retry sets no budget. Set "
      + "budget, or remove name."),
  RETRY_ON_RESULT_VOID("@Retry retryOnResult \"%s\" cannot test the result of %s, which returns void. Remove "
      + "retryOnResult, or make the method return its result."),
  RETRY_ON_RESULT_MISSING("@Retry retryOnResult \"%s\" is not a method of %s. Declare boolean %s(%s result), "
      + "returning true for a result to try again."),
  RETRY_ON_RESULT_SIGNATURE("@Retry retryOnResult \"%s\" must take one parameter that can hold the %s that %s "
      + "returns, and return boolean, but it is %s returning %s. Declare boolean %s(%s result)."),
  RETRY_DELAY_FROM_MISSING("@Retry delayFrom \"%s\" is not a method of %s. Declare java.time.Duration "
      + "%s(Exception failure), returning how long the failure asks to wait, or null for no hint."),
  RETRY_DELAY_FROM_SIGNATURE("@Retry delayFrom \"%s\" must take one Throwable parameter and return "
      + "java.time.Duration, but it is %s returning %s. Declare java.time.Duration %s(Exception failure)."),
  RETRY_METHOD_AMBIGUOUS("@Retry %s \"%s\" is ambiguous: %s has %s. Rename all but one of them."),
  RETRY_METHOD_PRIVATE("@Retry %s method %s is private, so the generated proxy cannot call it. Make it "
      + "package-private or wider."),
  RETRY_METHOD_THROWS("@Retry %s method %s throws the checked %s, which the retry loop has no way to handle. Catch "
      + "it inside the method."),
  RETRY_METHOD_SELF("@Retry retryOnResult \"%s\" is the guarded method itself. Name another method."),
  DURATION("@%s %s is not a valid duration: %s."),

  FALLBACK_NAME_EMPTY("@Fallback method is empty. Name a method of %s that takes %s, optionally followed by a "
      + "Throwable."),
  FALLBACK_MISSING("@Fallback method \"%s\" is not a method of %s. Declare %s %s(%s), or the same with a last "
      + "Throwable parameter that receives the failure."),
  FALLBACK_PARAMETERS("@Fallback method \"%s\" has parameters (%s), but a fallback for %s must take (%s), "
      + "optionally followed by a Throwable that receives the failure."),
  FALLBACK_AMBIGUOUS("@Fallback method \"%s\" is ambiguous: %s has both %s and %s. Rename one of them."),
  FALLBACK_SELF("@Fallback method \"%s\" is the guarded method itself, which would call the failing method again. "
      + "Name another method."),
  FALLBACK_PRIVATE("@Fallback method %s is private, so the generated proxy cannot call it. Make it "
      + "package-private or wider."),
  FALLBACK_RETURN_VOID("@Fallback method %s returns %s, but %s is void, so its fallback must be void too. "
      + "Make the fallback void."),
  FALLBACK_RETURN_TYPE("@Fallback method %s returns %s, which cannot be assigned to %s, the return type of %s. "
      + "Change the fallback's return type."),
  FALLBACK_THROWS("@Fallback method %s throws %s, which %s does not declare, so the proxy could not rethrow it. "
      + "Declare it on %s, or stop throwing it from the fallback."),
  FALLBACK_FAILURE_TYPE("@Fallback method %s takes its failure as %s, which cannot hold %s from applyOn. Declare "
      + "the parameter as Throwable, or narrow applyOn."),
  FALLBACK_APPLY_ON_EMPTY("@Fallback applyOn is empty, so the fallback would never answer. List the failures it "
      + "answers, or remove @Fallback."),
  FALLBACK_APPLY_ON_SKIPPED("@Fallback applyOn %s is covered by skipOn %s, so the fallback would never answer it. "
      + "Remove %s from applyOn, or narrow skipOn."),

  CIRCUIT_BREAKER_VOLUME("@CircuitBreaker requestVolumeThreshold is %d, but it is the size of the rolling window, "
      + "so it must be at least 1. The default is 20."),
  CIRCUIT_BREAKER_FAILURE_RATIO("@CircuitBreaker failureRatio is %s, but it is the share of the window's calls "
      + "that must fail to open the breaker, so it must be in (0, 1]. Use 0.5, for example, to open when half of "
      + "them failed."),
  CIRCUIT_BREAKER_SUCCESS_THRESHOLD("@CircuitBreaker successThreshold is %d, but it counts the trial calls that "
      + "must succeed to close the breaker, so it must be at least 1."),
  CIRCUIT_BREAKER_MINIMUM_CALLS("@CircuitBreaker minimumCalls is %d, but it counts the calls a time window must "
      + "hold before the breaker judges it, so it must be at least 1."),
  CIRCUIT_BREAKER_MINIMUM_CALLS_COUNT("@CircuitBreaker minimumCalls applies to a TIME window only; a COUNT window "
      + "judges once it holds requestVolumeThreshold calls. Remove minimumCalls, or set windowType = TIME."),
  CIRCUIT_BREAKER_SLOW_THRESHOLD_ZERO("@CircuitBreaker slowCallThreshold \"%s\" is zero, so every call would be "
      + "slow. Give a positive duration such as \"2s\", or remove slowCallThreshold."),
  CIRCUIT_BREAKER_SLOW_RATIO("@CircuitBreaker slowCallRatio is %s, but it is the share of the window's calls that "
      + "must be slow to open the breaker, so it must be in (0, 1]."),
  CIRCUIT_BREAKER_SLOW_RATIO_WITHOUT_THRESHOLD("@CircuitBreaker slowCallRatio is set, but no slowCallThreshold "
      + "says which calls are slow, so it would never apply. Set slowCallThreshold, such as \"2s\", or remove "
      + "slowCallRatio."),
  CIRCUIT_BREAKER_FAIL_ON_EMPTY("@CircuitBreaker failOn is empty, so no failure would ever open the breaker. List "
      + "the failures that count, or remove @CircuitBreaker."),
  CIRCUIT_BREAKER_FAIL_ON_SKIPPED("@CircuitBreaker failOn %s is covered by skipOn %s, so it would never count as "
      + "a failure. Remove %s from failOn, or narrow skipOn."),
  CIRCUIT_BREAKER_ACCESSOR_CLASH("%s declares circuitBreaker(String), which clashes with the accessor the generated "
      + "proxy adds to reach its circuit breakers. Rename the method."),
  TIMEOUT_ZERO("@Timeout \"%s\" is zero, so every attempt would time out at once. Give a positive duration such "
      + "as \"1s\", or remove @Timeout."),
  BULKHEAD_VALUE("@Bulkhead value is %d, but it is the number of calls that may run at once, so it must be at "
      + "least 1."),
  RATE_LIMIT_VALUE("@RateLimit value is %d, but it is the number of permits granted per window, so it must be at "
      + "least 1."),
  RATE_LIMIT_WINDOW_ZERO("@RateLimit window \"%s\" is zero, which holds no call. Give a positive duration such "
      + "as \"1s\"."),
  SHARED_NAME_CONFLICT("@%s name \"%s\" is also used on %s with another configuration: %s here, %s there. "
      + "Guards that share a name are one guard, so give them the same attributes, or different names."),

  CHECKPOINT_INTERFACE("@Checkpoint cannot be used on %s of interface %s: an interface proxy wraps a delegate, "
      + "whose calls to its own methods never reach the proxy, so its steps could not be recorded. Put the steps "
      + "on a class chain."),
  CHECKPOINT_ON_ENTRY("@Checkpoint cannot be used on %s, which is a run's entry (it has a @RunId parameter): an "
      + "entry records its result already. Remove @Checkpoint, or move the work into a step the entry calls."),
  CHECKPOINT_NAME_TAKEN("@Checkpoint name \"%s\" is already the name of step %s in this chain, so their records "
      + "would mix. Give one of them another name with @Checkpoint(name = ...)."),
  CHECKPOINT_UNSUPPORTED_RESULT("%s returns %s, which a durable step cannot record: %s. Give the step a codec with "
      + "@Checkpoint(codec = ...), a class implementing Codec<%s> with a public no-argument constructor, or "
      + "return a type built from strings, primitives, byte[], enums, records, List, Set, Map and Optional."),
  CHECKPOINT_UNSUPPORTED_ARGUMENT("parameter %s of %s has type %s, which a durable step cannot fingerprint: %s. "
      + "Name a codec for %s on any @Checkpoint of this chain with @Checkpoint(codec = ...), or take a type built "
      + "from strings, primitives, byte[], enums, records, List, Set, Map and Optional."),
  CHECKPOINT_CODEC_TYPE("@Checkpoint codec %s does not implement Codec<%s>, so it cannot record what %s returns. "
      + "Name a codec of that type."),
  CHECKPOINT_CODEC_VOID("@Checkpoint codec %s is given for %s, which is void and records no value. Remove "
      + "codec."),
  CHECKPOINT_CODEC_CONSTRUCTOR("@Checkpoint codec %s needs to be a public, non-abstract class with a public "
      + "constructor that takes no arguments, which the generated codecs call once. Add one."),
  STEP_KEY_WITHOUT_CHECKPOINT("@StepKey on parameter %s of %s does nothing, since %s is not a @Checkpoint step. "
      + "Add @Checkpoint, or remove @StepKey."),
  STEP_KEY_TYPE("@StepKey parameter %s has type %s, but a step key must be a String, int or long, whose text names "
      + "the occurrence. Change its type, or key the step by another parameter."),
  STEP_KEY_TWICE("@StepKey is on both %s and %s of %s, but one parameter names a step's occurrence. Remove one."),
  RUN_ID_TYPE("@RunId parameter %s has type %s, but a run id is a String. Change its type."),
  RUN_ID_TWICE("@RunId is on both %s and %s of %s, but a run has one id. Remove one."),
  RUN_ID_OVERLOADED("%s is a second run entry named %s in this chain, but the store records a run's entry by its "
      + "name, so resuming could not tell them apart. Rename one of them."),
  RUN_ID_RESUME_CLASH("%s declares resume(String), which clashes with the method the generated proxy adds to "
      + "resume a run by its id. Rename the method."),

  REPLICATED_CLASS("@Replicated cannot be used on %s of class %s: the generated proxy of a class extends it, so it "
      + "is one instance and cannot stand for several replicas. Extract an interface with the replicated methods, "
      + "implement it once per replica, and annotate the interface."),
  REPLICATED_WEIGHTS_MISSING("@Replicated strategy WEIGHTED needs weights, one per replica, such as "
      + "weights = {3, 1}. Give them, or choose another strategy."),
  REPLICATED_WEIGHTS_UNUSED("@Replicated weights are given with strategy %s, which ignores them. Use strategy = "
      + "WEIGHTED, or remove weights."),
  REPLICATED_HEDGE_UNUSED("@Replicated %s is given with strategy %s, which sends no hedges. Use strategy = HEDGED, "
      + "or remove %s."),
  REPLICATED_MAX_HEDGES("@Replicated maxHedges is %d, but it counts the extra calls a hedged call may send, so it "
      + "must be at least 1. Use strategy = FAILOVER for no hedge."),
  REPLICATED_HEDGE_BUDGET("@Replicated hedgeBudget is %s, but it is the share of extra calls that hedges may add "
      + "over the calls themselves, so it must be in [0, 1]."),
  REPLICATED_HEDGE_DELAY_ZERO("@Replicated hedgeDelay is zero, which would send every hedge at once. Give a "
      + "positive duration, such as \"200ms\", or leave it empty for the adaptive delay."),
  REPLICATED_HEDGED_THROWS("@Replicated strategy %s cannot be used on %s, which declares throws %s: its "
      + "replicas' calls run as tasks on other threads, which can throw exceptions and errors only. Declare "
      + "Exception or narrower types, or use another strategy."),
  REPLICATED_VOTE_UNUSED("@Replicated %s is given with strategy %s, which does not vote. Use strategy = QUORUM, or "
      + "remove %s."),
  REPLICATED_QUORUM("@Replicated quorum is %d, but it counts the replicas that must agree. Use 0 for a strict "
      + "majority, or a positive number."),
  REPLICATED_VOTE_BY_MISSING("@Replicated voteBy \"%s\" is not a method of %s. Declare a static or default method "
      + "Object %s(%s answer), returning what answers are compared by."),
  REPLICATED_VOTE_BY_SIGNATURE("@Replicated voteBy \"%s\" must take one parameter that can hold the %s that %s "
      + "returns, and return what answers are compared by, but it is %s returning %s."),
  REPLICATED_VOTE_BY_UNCALLABLE("@Replicated voteBy \"%s\" cannot be called by the proxy: %s. Name one static or "
      + "default method, not private, that throws no checked exception."),
  REPLICATED_WEIGHT("@Replicated weight %d, at index %d, is below 1, so its replica would never be chosen. Give "
      + "every replica a weight of at least 1, or leave the replica out."),
  REPLICATED_EJECT_AFTER("@Replicated ejectAfter is %d, but it counts consecutive failures, so it must be at least "
      + "1."),
  REPLICATED_DURATION_ZERO("@Replicated %s is zero, but an ejection must last a while. Give a positive duration, "
      + "such as \"30s\"."),
  REPLICATED_MAX_EJECT_FOR("@Replicated maxEjectFor %s is shorter than ejectFor %s, but it caps the doubling "
      + "ejection time that starts at ejectFor. Make maxEjectFor at least ejectFor."),
  REPLICATED_EJECTED_PERCENT("@Replicated maxEjectedPercent is %d, but it is a percentage of the replicas, in "
      + "[0, 100]."),
  REPLICATED_FAIL_ON_EMPTY("@Replicated failOn is empty, so no failure would ever move a call to another replica. "
      + "List the failures that do, or remove @Replicated."),
  REPLICATED_FAIL_ON_SKIPPED("@Replicated failOn %s is covered by skipOn %s, so it would never move a call to "
      + "another replica. Remove %s from failOn, or narrow skipOn."),
  REPLICATED_KNOB_TYPE("@Replicated %s is %s on %s, but %s on interface %s: health belongs to the replica set, "
      + "which every replicated method shares, so its detection knobs are given once. Remove %s here, or make it "
      + "equal."),
  REPLICATED_KNOB_METHODS("@Replicated %s is %s on %s, but %s on %s: health belongs to the replica set, which "
      + "every replicated method shares, so its detection knobs must agree. Give them once on the interface, or "
      + "make them equal."),
  REPLICATED_ACCESSOR_CLASH("%s declares %s, which clashes with the %s the generated proxy of a replicated chain "
      + "adds. Rename the method."),
  HEARTBEAT_CLASS("@Heartbeat cannot be used on %s of class %s: it probes the replicas of a @Replicated interface "
      + "chain, and a class chain has none. Extract an interface, or remove @Heartbeat."),
  HEARTBEAT_SIGNATURE("@Heartbeat method %s %s, but a probe takes no parameters and returns boolean (false for "
      + "unhealthy) or void. Change its signature, or remove @Heartbeat."),
  HEARTBEAT_TWICE("@Heartbeat is on both %s and %s, but a replica set has one probe. Remove one."),
  HEARTBEAT_WITHOUT_REPLICATED("@Heartbeat on %s probes replicas, but no method of %s is @Replicated. Add "
      + "@Replicated to the interface or its methods, or remove @Heartbeat."),
  HEARTBEAT_REPLICATED("@Heartbeat method %s is also @Replicated, but a probe is sent to every replica by itself. "
      + "Remove @Replicated from it."),
  HEARTBEAT_EVERY_ZERO("@Heartbeat every is zero, which would probe without pause. Give a positive period, such as "
      + "\"5s\"."),

  INTERNAL_ERROR("the Chainmail processor failed while processing %s. This is a bug in Chainmail; please report "
      + "it with this trace:%n%s");

  private final String format;

  Message(String format) {
    this.format = format;
  }

  /** Returns the text of this message with its arguments. */
  public String format(Object... args) {
    return String.format(format, args);
  }
}
