package dev.chainmail.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.List;
import java.util.Optional;

/**
 * A validated {@code @Fallback}, its target resolved.
 *
 * @param method the fallback method's name
 * @param receiver how the proxy reaches the fallback method
 * @param owner the type that declares the fallback method
 * @param takesFailure whether the fallback method takes the failure as its last parameter
 * @param failureCast the type to cast the failure to, when the fallback declares a narrower one than Throwable
 * @param applyOn the failures answered; empty means every failure
 * @param skipOn the failures never answered
 */
public record FallbackSpec(
    String method,
    Receiver receiver,
    ClassName owner,
    boolean takesFailure,
    Optional<TypeName> failureCast,
    List<ClassName> applyOn,
    List<ClassName> skipOn) implements GuardSpec {

  /** How the proxy calls the fallback method. */
  public enum Receiver {
    /**
     * An instance method of the chain type, called on what the proxy stands on (through {@code super} for a chain
     * class, so that it runs once even when the proxy guards it too; on the delegate, or the primary replica).
     */
    INSTANCE,
    /** A static method of the chain class, called by its simple name. */
    STATIC,
    /** The chain interface: a static method of it. */
    INTERFACE
  }
}
