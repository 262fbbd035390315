package dev.chainmail.processor.generate;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import dev.chainmail.processor.model.ChainModel;
import dev.chainmail.processor.model.GuardedMethod;
import java.util.List;

/**
 * Writes one guard into a proxy: the fields holding its policy, their initialisation, and the control flow that
 * wraps the call; and what the guard adds to the proxy as a whole, such as the start of a background task or a
 * method for operators. A new guard is a new implementation of this interface plus its place in
 * {@link GuardStage}. What the proxy stands on, a class, a delegate or replicas, is its {@link ProxyForm}.
 */
interface GuardEmitter {

  /** Whether the method carries this guard. */
  boolean applies(GuardedMethod method);

  /**
   * The proxy fields this guard needs for the method, if any: their types and names. The generator gives them
   * their modifiers, which depend on the whole proxy (final, or transient for a serializable one). None by
   * default, for a guard that keeps no policy.
   */
  default List<FieldSpec> fields(GuardedMethod method) {
    return List.of();
  }

  /**
   * Statements that initialise those fields in a constructor, where the parameter named {@code context} holds
   * the {@code ChainmailContext}; none by default.
   */
  default CodeBlock initializer(GuardedMethod method, String context) {
    return CodeBlock.of("");
  }

  /**
   * Wraps the code beneath this guard. {@code inner} returns the method's outcome or throws; so does the result.
   * {@code form} says how to reach the chain's own code, as a fallback does.
   */
  CodeBlock wrap(GuardedMethod method, ProxyForm form, CodeBlock inner);

  /**
   * Whether this guard keeps the value of what is beneath it in {@code method}, as a durable step records its
   * result or a retry tests it, and so needs it as one call rather than as statements that return. The generator
   * then moves the guards beneath into a private method of the proxy, named by {@link #beneathName}, unless the
   * call itself is all that is beneath, and hands that call to {@link #wrapCall}; {@link #wrap} is not used.
   */
  default boolean keepsResult(GuardedMethod method) {
    return false;
  }

  /**
   * The suffix, after the method's field prefix and a {@code $}, of the private method that holds the guards
   * beneath this one when it {@linkplain #keepsResult keeps their result}; distinct for each guard that may.
   */
  default String beneathName() {
    return "guarded";
  }

  /**
   * For a guard that {@linkplain #keepsResult keeps its result}: whether the guards beneath it act for one replica
   * at a time, as those beneath a {@code @Replicated} that calls several replicas at once do. Their method then
   * takes the replica's index as a last parameter, named as {@link GuardedMethod.LocalNames#replica()}, and reaches
   * that replica as the local {@link GuardedMethod.LocalNames#target()}; {@link #wrapCall} is given a call of it
   * with that index, to pass on as a lambda's parameter.
   */
  default boolean beneathPerReplica(GuardedMethod method) {
    return false;
  }

  /**
   * For a guard that {@linkplain #keepsResult keeps its result}: the code around {@code call}, an expression of the
   * method's return type (a statement expression for a {@code void} method). The result returns the method's
   * outcome or throws.
   */
  default CodeBlock wrapCall(GuardedMethod method, ProxyForm form, CodeBlock call) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " keeps no result");
  }

  /**
   * For an {@linkplain GuardedMethod#isAsync asynchronous} method: an expression of type
   * {@code CompletableFuture<T>}, the stage of this guard over {@code stage}, an expression of the same type for the
   * guards beneath, which never throws and may be evaluated more than once (as a retry's attempts do) or later (as a
   * rate limit's delayed start does). The generator puts each guard's expression in a method of its own. Guards
   * that validation keeps off asynchronous methods need not implement it.
   */
  default CodeBlock wrapAsync(GuardedMethod method, ProxyForm form, CodeBlock stage) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " has no asynchronous form");
  }

  /**
   * Whether the expression of {@link #wrapAsync} may throw, as a guard that rejects a call before starting it
   * does; the generator then turns what it throws into a failed stage.
   */
  default boolean rejectsAsync() {
    return false;
  }

  /**
   * Statements for the proxy as a whole, run in every constructor after every method's {@link #initializer}, where
   * the parameter named {@code context} holds the {@code ChainmailContext}; none by default.
   */
  default CodeBlock proxyInitializer(ChainModel model, String context) {
    return CodeBlock.of("");
  }

  /** Methods this guard adds to the proxy as a whole, such as an accessor for operators; none by default. */
  default List<MethodSpec> proxyMethods(ChainModel model) {
    return List.of();
  }
}
