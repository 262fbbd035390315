package dev.chainmail.processor.generate;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import dev.chainmail.processor.model.GuardedMethod;
import dev.chainmail.processor.model.ReplicatedSpec;

/**
 * The guards beneath {@code @Replicated} that keep state, the circuit breaker, rate limit and bulkhead, belong to
 * each replica: one replica's open breaker must not stop the others. Their field is then an array indexed by the
 * replica the call is at; for any other method, a single policy.
 */
final class PerReplica {

  private PerReplica() {}

  /** Whether the method's stateful guards are per replica. */
  static boolean applies(GuardedMethod method) {
    return method.has(ReplicatedSpec.class);
  }

  /** The field of a guard's policy: an array of them for a replicated method. */
  static FieldSpec field(GuardedMethod method, ClassName policy, String name) {
    return FieldSpec.builder(applies(method) ? ArrayTypeName.of(policy) : policy, name).build();
  }

  /** The policy the call uses: {@code this.field}, or {@code this.field[replica]} for a replicated method. */
  static CodeBlock policy(GuardedMethod method, String field) {
    return applies(method)
        ? CodeBlock.of("this.$N[$N]", field, method.locals().replica())
        : CodeBlock.of("this.$N", field);
  }
}
