package dev.chainmail.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import dev.chainmail.processor.model.GuardedMethod;
import dev.chainmail.processor.model.RetrySpec;
import java.util.List;

/**
 * Writes {@code @Retry}: a loop around the call whose catch block rethrows what is not retried and asks the
 * runtime's {@code RetryPolicy} for the pause before the next attempt.
 */
final class RetryEmitter implements GuardEmitter {

  static final ClassName RETRY_POLICY = ClassName.get("dev.chainmail.runtime", "RetryPolicy");

  @Override
  public boolean applies(GuardedMethod method) {
    return method.has(RetrySpec.class);
  }

  @Override
  public List<FieldSpec> fields(GuardedMethod method) {
    return List.of(FieldSpec.builder(RETRY_POLICY, field(method)).build());
  }

  @Override
  public CodeBlock initializer(GuardedMethod method, String context) {
    RetrySpec retry = method.guard(RetrySpec.class).orElseThrow();
    return PolicyInitializer.of(method, RetrySpec.class, field(method), RETRY_POLICY)
        .literal("maxAttempts", retry.maxAttempts(), retry.maxAttempts() != 3)
        .string("delay", retry.delay())
        .literal("multiplier", retry.multiplier(), retry.multiplier() != 1.0)
        .string("maxDelay", retry.maxDelay())
        .literal("jitter", retry.jitter(), retry.jitter() != 0.0)
        .string("maxDuration", retry.maxDuration())
        .build(context);
  }

  @Override
  public CodeBlock wrap(GuardedMethod method, ProxyForm form, CodeBlock inner) {
    RetrySpec retry = method.guard(RetrySpec.class).orElseThrow();
    GuardedMethod.LocalNames locals = method.locals();
    CodeBlock.Builder code = CodeBlock.builder();
    CodeBlock pause;
    if (retry.maxDuration().isPresent()) {
      code.addStatement("long $N = this.$N.startNanos()", locals.start(), field(method));
      pause = CodeBlock.of("this.$N.pauseBeforeRetry($N, $N, $N)", field(method), locals.attempt(),
          locals.failure(), locals.start());
    } else {
      pause = CodeBlock.of("this.$N.pauseBeforeRetry($N, $N)", field(method), locals.attempt(), locals.failure());
    }
    CodeBlock unretried = FailureChecks.unhandled(locals.failure(), retry.retryOn(), retry.abortOn());
    CodeBlock giveUp = unretried.isEmpty() ? CodeBlock.of("!$L", pause) : CodeBlock.of("$L$W|| !$L", unretried, pause);
    return code
        .beginControlFlow("for (int $N = 1; ; $N++)", locals.attempt(), locals.attempt())
        .beginControlFlow("try")
        .add(inner)
        .nextControlFlow("catch ($T $N)", Throwable.class, locals.failure())
        .beginControlFlow("if ($L)", giveUp)
        .addStatement("throw $N", locals.failure())
        .endControlFlow()
        .endControlFlow()
        .endControlFlow()
        .build();
  }

  private static String field(GuardedMethod method) {
    return method.fieldPrefix() + "$retry";
  }
}
