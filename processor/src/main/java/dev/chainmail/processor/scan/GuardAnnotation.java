package dev.chainmail.processor.scan;

/**
 * The Chainmail annotations that put a guard on a chain method, and where each may go. The order here is only the
 * order of diagnostics and of reading; the nesting order of the guards is {@code GuardStage}'s alone.
 */
public enum GuardAnnotation {
  RETRY("Retry", true),
  FALLBACK("Fallback", false),
  CIRCUIT_BREAKER("CircuitBreaker", true),
  RATE_LIMIT("RateLimit", true),
  TIMEOUT("Timeout", true),
  BULKHEAD("Bulkhead", true);

  private final String simpleName;
  private final boolean typeLevel;

  GuardAnnotation(String simpleName, boolean typeLevel) {
    this.simpleName = simpleName;
    this.typeLevel = typeLevel;
  }

  /** The annotation's simple name, as diagnostics and config keys write it: {@code CircuitBreaker}. */
  public String simpleName() {
    return simpleName;
  }

  /** The annotation's qualified name: {@code dev.chainmail.CircuitBreaker}. */
  public String qualifiedName() {
    return "dev.chainmail." + simpleName;
  }

  /** Whether the annotation may go on a type, where it guards the methods it covers that lack their own. */
  public boolean typeLevel() {
    return typeLevel;
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
