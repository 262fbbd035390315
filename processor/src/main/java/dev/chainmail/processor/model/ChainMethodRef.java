package dev.chainmail.processor.model;

import com.palantir.javapoet.ClassName;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * A method of the chain that an annotation names and the proxy calls, as a fallback method or a retry's result
 * test: its name, and how the proxy reaches it.
 *
 * @param name the method's simple name
 * @param receiver how the proxy reaches it
 * @param owner the type that declares it
 */
public record ChainMethodRef(String name, Receiver receiver, ClassName owner) {

  /** How the proxy calls the method. */
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

  /** The reference to {@code target}, a method of a chain that is an interface or not. */
  static ChainMethodRef of(ExecutableElement target, ChainScope scope) {
    Receiver receiver;
    if (!target.getModifiers().contains(Modifier.STATIC)) {
      receiver = Receiver.INSTANCE;
    } else {
      receiver = scope.members().isInterface() ? Receiver.INTERFACE : Receiver.STATIC;
    }
    return new ChainMethodRef(target.getSimpleName().toString(), receiver,
        ClassName.get((TypeElement) target.getEnclosingElement()));
  }
}
