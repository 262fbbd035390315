package dev.chainmail.processor.scan;

/**
 * The Chainmail annotations that put a guard on a chain method, and where each may go. The order here is only the
 * order of diagnostics and of reading; the nesting order of the guards is {@code GuardStage}'s alone.
 */
public enum GuardAnnotation {
  RETRY("Retry", Placement.TYPE_OR_METHOD),
  FALLBACK("Fallback", Placement.METHOD),
  REPLICATED("Replicated", Placement.TYPE_OR_METHOD),
  HEARTBEAT("Heartbeat", Placement.METHOD),
  CIRCUIT_BREAKER("CircuitBreaker", Placement.TYPE_OR_METHOD),
  RATE_LIMIT("RateLimit", Placement.TYPE_OR_METHOD),
  TIMEOUT("Timeout", Placement.TYPE_OR_METHOD),
  BULKHEAD("Bulkhead", Placement.TYPE_OR_METHOD),
  CHECKPOINT("Checkpoint", Placement.METHOD),
  RUN_ID("RunId", Placement.PARAMETER),
  STEP_KEY("StepKey", Placement.PARAMETER);

  /** Where an annotation is written. */
  public enum Placement {
    /** On a method, or on a type, where it covers the methods that lack their own. */
    TYPE_OR_METHOD,
    /** On a method only. */
    METHOD,
    /** On a parameter, where it makes its method a guarded one. */
    PARAMETER
  }

  private final String simpleName;
  private final Placement placement;

  GuardAnnotation(String simpleName, Placement placement) {
    this.simpleName = simpleName;
    this.placement = placement;
  }

  /** The annotation's simple name, as diagnostics and config keys write it: {@code CircuitBreaker}. */
  public String simpleName() {
    return simpleName;
  }

  /** The annotation's qualified name: {@code dev.chainmail.CircuitBreaker}. */
  public String qualifiedName() {
    return "dev.chainmail." + simpleName;
  }

  /** Where the annotation is written. */
  public Placement placement() {
    return placement;
  }

  /** Returns the guard annotation with this qualified name, or null if it is none. */
  public static GuardAnnotation forQualifiedName(CharSequence name) {
    for (GuardAnnotation annotation : values()) {
      if (annotation.qualifiedName().contentEquals(name)) {
        return annotation;
      }
    }
    return null;
  }
}
