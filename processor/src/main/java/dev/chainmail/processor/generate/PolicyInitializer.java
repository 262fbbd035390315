package dev.chainmail.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.chainmail.processor.model.GuardSpec;
import dev.chainmail.processor.model.GuardedMethod;
import java.util.Optional;

/**
 * Writes the statement that builds one policy in a proxy constructor, one builder call per line and only for
 * attributes that differ from the runtime builder's defaults:
 * <pre>{@code
 * this.answer$retry = RetryPolicy.builder("com.example.ResearchChain/answer")
 *     .maxAttempts(4)
 *     .build(context);
 * }</pre>
 */
final class PolicyInitializer {

  /** The loop variable of a per-replica initialisation. */
  private static final String REPLICA = "replica";

  private final CodeBlock.Builder code;
  private final String field;
  private final ClassName policy;
  private final boolean perReplica;

  private PolicyInitializer(GuardedMethod method, Class<? extends GuardSpec> kind, String field, ClassName policy,
      boolean perReplica) {
    this.field = field;
    this.policy = policy;
    this.perReplica = perReplica;
    this.code = CodeBlock.builder()
        .add(perReplica ? "this.$N[" + REPLICA + "] = $T.builder($S)" : "this.$N = $T.builder($S)", field, policy,
            method.id())
        .indent().indent();
    if (method.onType(kind)) {
      code.add("\n.declaredOnType()");
    }
  }

  /**
   * Starts the statement that assigns {@code field} a policy of type {@code policy} for the method's guard of a
   * kind; {@code .declaredOnType()} comes first if its annotation is on the chain type.
   */
  static PolicyInitializer of(GuardedMethod method, Class<? extends GuardSpec> kind, String field,
      ClassName policy) {
    return new PolicyInitializer(method, kind, field, policy, false);
  }

  /**
   * Starts the initialisation of a guard beneath {@code @Replicated}, which each replica has its own of: for such
   * a method, {@code field} is an array, filled in a loop over the replicas, each built with {@code .replica(i)};
   * for any other method, as {@link #of}.
   */
  static PolicyInitializer perReplica(GuardedMethod method, Class<? extends GuardSpec> kind, String field,
      ClassName policy) {
    return new PolicyInitializer(method, kind, field, policy, PerReplica.applies(method));
  }

  /** Adds {@code .setter(value)} when {@code differs}, with {@code value} written as a literal. */
  PolicyInitializer literal(String setter, Object value, boolean differs) {
    if (differs) {
      code.add("\n.$N($L)", setter, value);
    }
    return this;
  }

  /** Adds {@code .setter("value")} when the value is present. */
  PolicyInitializer string(String setter, Optional<String> value) {
    value.ifPresent(text -> code.add("\n.$N($S)", setter, text));
    return this;
  }

  /** Adds {@code .setter("value")} when the value is not empty. */
  PolicyInitializer nonEmpty(String setter, String value) {
    if (!value.isEmpty()) {
      code.add("\n.$N($S)", setter, value);
    }
    return this;
  }

  /** Adds {@code .setter(value)}, with {@code value} a code block such as an enum constant. */
  PolicyInitializer code(String setter, CodeBlock value) {
    code.add("\n.$N($L)", setter, value);
    return this;
  }

  /** Ends the statement with {@code .build(context)}; for a guard per replica, inside the loop over them. */
  CodeBlock build(String context) {
    if (!perReplica) {
      return code.add("\n.build($N);\n", context).unindent().unindent().build();
    }
    CodeBlock each = code.add("\n.$N($N)\n.build($N);\n", REPLICA, REPLICA, context).unindent().unindent().build();
    return CodeBlock.builder()
        .addStatement("this.$N = new $T[this.$N.size()]", field, policy, ReplicaSetForm.FIELD)
        .beginControlFlow("for (int $N = 0; $N < this.$N.length; $N++)", REPLICA, REPLICA, field, REPLICA)
        .add(each)
        .endControlFlow()
        .build();
  }
}
