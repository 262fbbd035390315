package dev.chainmail.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import dev.chainmail.processor.model.GuardedMethod;
import dev.chainmail.processor.model.RateLimitSpec;
import java.util.List;

/** Writes {@code @RateLimit}: a permit taken before the call; a permit once granted is never given back. */
final class RateLimitEmitter implements GuardEmitter {

  static final ClassName POLICY = ClassName.get("dev.chainmail.runtime", "RateLimitPolicy");

  @Override
  public boolean applies(GuardedMethod method) {
    return method.has(RateLimitSpec.class);
  }

  @Override
  public List<FieldSpec> fields(GuardedMethod method) {
    return List.of(PerReplica.field(method, POLICY, field(method)));
  }

  @Override
  public CodeBlock initializer(GuardedMethod method, String context) {
    RateLimitSpec limit = method.guard(RateLimitSpec.class).orElseThrow();
    return PolicyInitializer.perReplica(method, RateLimitSpec.class, field(method), POLICY)
        .literal("permits", limit.value(), true)
        .string("window", limit.window())
        .string("maxWait", limit.maxWait())
        .nonEmpty("name", limit.name())
        .build(context);
  }

  @Override
  public CodeBlock wrap(GuardedMethod method, ProxyForm form, CodeBlock inner) {
    return CodeBlock.builder()
        .addStatement("$L.acquire()", PerReplica.policy(method, field(method)))
        .add(inner)
        .build();
  }

  @Override
  public CodeBlock wrapAsync(GuardedMethod method, ProxyForm form, CodeBlock stage) {
    return CodeBlock.of("$L.async(() -> $L)", PerReplica.policy(method, field(method)), stage);
  }

  /** A call past {@code maxWait} is rejected before it starts. */
  @Override
  public boolean rejectsAsync() {
    return true;
  }

  private static String field(GuardedMethod method) {
    return method.fieldPrefix() + "$rateLimit";
  }
}
