package dev.chainmail.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import dev.chainmail.processor.model.BulkheadSpec;
import dev.chainmail.processor.model.GuardedMethod;
import java.util.List;

/** Writes {@code @Bulkhead}: a permit taken right before the call and given back in a {@code finally} block. */
final class BulkheadEmitter implements GuardEmitter {

  static final ClassName POLICY = ClassName.get("dev.chainmail.runtime", "BulkheadPolicy");

  @Override
  public boolean applies(GuardedMethod method) {
    return method.has(BulkheadSpec.class);
  }

  @Override
  public List<FieldSpec> fields(GuardedMethod method) {
    return List.of(PerReplica.field(method, POLICY, field(method)));
  }

  @Override
  public CodeBlock initializer(GuardedMethod method, String context) {
    BulkheadSpec bulkhead = method.guard(BulkheadSpec.class).orElseThrow();
    return PolicyInitializer.perReplica(method, BulkheadSpec.class, field(method), POLICY)
        .literal("maxConcurrent", bulkhead.value(), bulkhead.value() != 10)
        .string("maxWait", bulkhead.maxWait())
        .nonEmpty("name", bulkhead.name())
        .build(context);
  }

  @Override
  public CodeBlock wrap(GuardedMethod method, ProxyForm form, CodeBlock inner) {
    return CodeBlock.builder()
        .addStatement("$L.acquire()", PerReplica.policy(method, field(method)))
        .beginControlFlow("try")
        .add(inner)
        .nextControlFlow("finally")
        .addStatement("$L.release()", PerReplica.policy(method, field(method)))
        .endControlFlow()
        .build();
  }

  @Override
  public CodeBlock wrapAsync(GuardedMethod method, ProxyForm form, CodeBlock stage) {
    return CodeBlock.of("$L.async(() -> $L)", PerReplica.policy(method, field(method)), stage);
  }

  private static String field(GuardedMethod method) {
    return method.fieldPrefix() + "$bulkhead";
  }
}
