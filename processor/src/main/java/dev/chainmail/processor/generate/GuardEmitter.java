package dev.chainmail.processor.generate;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import dev.chainmail.processor.model.ChainModel;
import dev.chainmail.processor.model.GuardedMethod;
import java.util.List;

/**
 * Writes one guard into a proxy: the fields holding its policy, their initialisation, and the control flow that
 * wraps the call. A new guard is a new implementation of this interface plus its place in {@link GuardStage}.
 */
interface GuardEmitter {

  /** Whether the method carries this guard. */
  boolean applies(GuardedMethod method);

  /**
   * The proxy fields this guard needs for the method, if any: their types and names. The generator gives them
   * their modifiers, which depend on the whole proxy (final, or transient for a serializable one).
   */
  List<FieldSpec> fields(GuardedMethod method);

  /**
   * Statements that initialise those fields in a constructor, where the parameter named {@code context} holds
   * the {@code ChainmailContext}.
   */
  CodeBlock initializer(GuardedMethod method, String context);

  /**
   * Wraps the code beneath this guard. {@code inner} returns the method's outcome or throws; so does the result.
   */
  CodeBlock wrap(GuardedMethod method, CodeBlock inner);

  /** Methods this guard adds to the proxy as a whole, such as an accessor for operators; none by default. */
  default List<MethodSpec> proxyMethods(ChainModel model) {
    return List.of();
  }
}
