package dev.chainmail.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import dev.chainmail.processor.model.FallbackSpec;
import dev.chainmail.processor.model.GuardedMethod;
import java.util.List;

/**
 * Writes {@code @Fallback}: a try/catch around everything beneath it, whose catch block rethrows what the fallback
 * does not answer and otherwise returns the fallback method's answer.
 */
final class FallbackEmitter implements GuardEmitter {

  @Override
  public boolean applies(GuardedMethod method) {
    return method.has(FallbackSpec.class);
  }

  private static final ClassName SWITCH = ClassName.get("dev.chainmail.runtime", "FallbackSwitch");

  /** Whether the fallback is on, which config may turn off, read once when the proxy is built. */
  @Override
  public List<FieldSpec> fields(GuardedMethod method) {
    return List.of(FieldSpec.builder(boolean.class, field(method)).build());
  }

  @Override
  public CodeBlock initializer(GuardedMethod method, String context) {
    return CodeBlock.builder().addStatement("this.$N = $T.enabled($N, $S, $L)", field(method), SWITCH, context,
        method.id(), method.onType(FallbackSpec.class)).build();
  }

  @Override
  public CodeBlock wrap(GuardedMethod method, ProxyForm form, CodeBlock inner) {
    FallbackSpec fallback = method.guard(FallbackSpec.class).orElseThrow();
    String failure = method.locals().failure();
    CodeBlock.Builder code = CodeBlock.builder()
        .beginControlFlow("try")
        .add(inner)
        .nextControlFlow("catch ($T $N)", Throwable.class, failure);
    CodeBlock unanswered = FailureChecks.unhandled(failure, fallback.applyOn(), fallback.skipOn());
    CodeBlock off = CodeBlock.of("!this.$N", field(method));
    code.beginControlFlow("if ($L)", unanswered.isEmpty() ? off : CodeBlock.of("$L$W|| $L", off, unanswered))
        .addStatement("throw $N", failure)
        .endControlFlow();
    code.addStatement("this.$N.onFallback($S, $N)", ProxyGenerator.LISTENER_FIELD, method.id(), failure);
    CodeBlock call = ChainMethodCalls.call(fallback.method(), form, arguments(method, fallback));
    if (method.signature().returnsVoid()) {
      code.addStatement("$L", call);
    } else {
      code.addStatement("return $L", call);
    }
    return code.endControlFlow().build();
  }

  /**
   * Writes the fallback of an asynchronous method: when the stage beneath fails, the same checks as a synchronous
   * fallback's decide whether the fallback method's stage answers instead.
   */
  @Override
  public CodeBlock wrapAsync(GuardedMethod method, ProxyForm form, CodeBlock stage) {
    FallbackSpec fallback = method.guard(FallbackSpec.class).orElseThrow();
    String failure = method.locals().failure();
    CodeBlock unanswered = FailureChecks.unhandled(failure, fallback.applyOn(), fallback.skipOn());
    CodeBlock off = CodeBlock.of("!this.$N", field(method));
    // The lambda's statements are written with add, not addStatement: the whole is one expression that the
    // generator returns in a statement of its own.
    return CodeBlock.builder()
        .add("$T.recover($L, $N -> {\n", ProxyGenerator.ASYNC_STAGES, stage, failure).indent()
        .add("if ($L) {\n", unanswered.isEmpty() ? off : CodeBlock.of("$L$W|| $L", off, unanswered)).indent()
        .add("return $T.failed($N);\n", ProxyGenerator.ASYNC_STAGES, failure).unindent()
        .add("}\n")
        .add("this.$N.onFallback($S, $N);\n", ProxyGenerator.LISTENER_FIELD, method.id(), failure)
        .add("return $L;\n", ChainMethodCalls.call(fallback.method(), form, arguments(method, fallback)))
        .unindent().add("})")
        .build();
  }

  private static String field(GuardedMethod method) {
    return method.fieldPrefix() + "$fallback";
  }

  private static CodeBlock arguments(GuardedMethod method, FallbackSpec fallback) {
    String failure = method.locals().failure();
    String passed = method.signature().arguments();
    if (!fallback.takesFailure()) {
      return CodeBlock.of("$L", passed);
    }
    String separator = passed.isEmpty() ? "" : ", ";
    if (fallback.failureCast().isPresent()) {
      return CodeBlock.of("$L$L($T) $N", passed, separator, fallback.failureCast().get(), failure);
    }
    return CodeBlock.of("$L$L$N", passed, separator, failure);
  }
}
