package dev.chainmail.processor.generate;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.chainmail.processor.model.ChainModel;
import java.util.List;

/**
 * What a proxy stands on, the part of it that belongs to the whole proxy rather than to one guard: a subclass of a
 * chain class, a wrapper of one delegate of a chain interface, or a set of replicas of one. The form declares the
 * proxy's supertype and the fields that hold its target, writes the ways to build the proxy (constructors and any
 * static factories), says how the proxy's methods reach the chain's own code, and adds any methods of its own.
 * Guards contribute to the whole proxy beside it, through {@link GuardEmitter#proxyInitializer} and
 * {@link GuardEmitter#proxyMethods}.
 */
sealed interface ProxyForm permits SubclassForm, DelegateForm, ReplicaSetForm {

  /** The form of {@code model}'s proxy. */
  static ProxyForm of(ChainModel model) {
    if (model.replicated()) {
      return new ReplicaSetForm(model);
    }
    return model.isInterface() ? new DelegateForm(model) : new SubclassForm(model);
  }

  /** Adds the proxy's supertype and the fields that hold its target. */
  void declare(TypeSpec.Builder proxy);

  /**
   * The constructors, and any static factories, that build the proxy. Each runs the policies' initialisation that
   * {@code initializers} writes for the name of its {@code ChainmailContext} parameter.
   */
  List<MethodSpec> builders(Initializers initializers);

  /**
   * The receiver through which the proxy calls the chain's own instance methods outside a loop over replicas:
   * {@code super}, the delegate, or the primary replica. It is the receiver of the call, without the dot.
   */
  CodeBlock target();

  /** Methods of the form itself, such as {@code replicaHealth()}; none by default. */
  default List<MethodSpec> methods() {
    return List.of();
  }

  /** What must be thread-safe for the proxy to be, as the class Javadoc says it. */
  String threadSafeIf();

  /** Writes the initialisation of the proxy's policies in a constructor, given its context parameter's name. */
  @FunctionalInterface
  interface Initializers {
    CodeBlock forContext(String context);
  }
}
