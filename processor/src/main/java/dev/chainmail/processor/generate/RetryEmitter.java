package dev.chainmail.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.TypeName;
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
        .literal("budget", retry.budget(), retry.hasBudget())
        .nonEmpty("name", retry.name())
        .build(context);
  }

  /** A retry that tests results keeps each attempt's result, so it needs the attempt as one call. */
  @Override
  public boolean keepsResult(GuardedMethod method) {
    return method.guard(RetrySpec.class).orElseThrow().retryOnResult().isPresent();
  }

  /** The helper holding the guards beneath a result-testing retry runs one attempt. */
  @Override
  public String beneathName() {
    return "attempt";
  }

  @Override
  public CodeBlock wrap(GuardedMethod method, ProxyForm form, CodeBlock inner) {
    GuardedMethod.LocalNames locals = method.locals();
    CodeBlock.Builder code = CodeBlock.builder();
    begin(method, code);
    return code
        .beginControlFlow("for (int $N = 1; ; $N++)", locals.attempt(), locals.attempt())
        .beginControlFlow("try")
        .add(inner)
        .nextControlFlow("catch ($T $N)", Throwable.class, locals.failure())
        .add(giveUp(method, form))
        .endControlFlow()
        .endControlFlow()
        .build();
  }

  /**
   * Writes a retry whose {@code retryOnResult} method tests each result: a result it rejects is tried again after
   * the usual pause, and the last one is returned once retrying stops.
   */
  @Override
  public CodeBlock wrapCall(GuardedMethod method, ProxyForm form, CodeBlock call) {
    RetrySpec retry = method.guard(RetrySpec.class).orElseThrow();
    GuardedMethod.LocalNames locals = method.locals();
    CodeBlock.Builder code = CodeBlock.builder();
    begin(method, code);
    CodeBlock rejected = ChainMethodCalls.call(retry.retryOnResult().orElseThrow(), form,
        CodeBlock.of("$N", locals.result()));
    return code
        .beginControlFlow("for (int $N = 1; ; $N++)", locals.attempt(), locals.attempt())
        .addStatement("$T $N", method.signature().returnType(), locals.result())
        .beginControlFlow("try")
        .addStatement("$N = $L", locals.result(), call)
        .nextControlFlow("catch ($T $N)", Throwable.class, locals.failure())
        .add(giveUp(method, form))
        .addStatement("continue")
        .endControlFlow()
        .add("// A result that $N rejects is tried again, as a failure would be; the last one is returned.\n",
            retry.retryOnResult().orElseThrow().name())
        .beginControlFlow("if (!$L$W|| !this.$N.pauseBeforeRetryOfResult($N, $L))", rejected, field(method),
            locals.attempt(), start(method))
        .addStatement("return $N", locals.result())
        .endControlFlow()
        .endControlFlow()
        .build();
  }

  /**
   * Writes a retry of an asynchronous method: the runtime's loop over attempts, each scheduled after its pause,
   * given the attempt and the {@code retryOn} and {@code abortOn} checks, and the {@code delayFrom} and
   * {@code retryOnResult} methods where the annotation names them.
   */
  @Override
  public CodeBlock wrapAsync(GuardedMethod method, ProxyForm form, CodeBlock stage) {
    RetrySpec retry = method.guard(RetrySpec.class).orElseThrow();
    GuardedMethod.LocalNames locals = method.locals();
    String failure = locals.failure();
    CodeBlock.Builder code = CodeBlock.builder()
        .add("this.$N.async(() -> $L,$W$N -> $L", field(method), stage, failure,
            FailureChecks.handled(failure, retry.retryOn(), retry.abortOn()));
    if (retry.delayFrom().isPresent() || retry.retryOnResult().isPresent()) {
      code.add(",$W");
      if (retry.delayFrom().isPresent()) {
        code.add("$N -> $L", failure, delayFrom(retry, form, failure));
      } else {
        code.add("null");
      }
      code.add(",$W");
      if (retry.retryOnResult().isPresent()) {
        code.add("$N -> $L", locals.result(), ChainMethodCalls.call(retry.retryOnResult().get(), form,
            CodeBlock.of("$N", locals.result())));
      } else {
        code.add("null");
      }
    }
    return code.add(")").build();
  }

  /** What runs once per call before the first attempt: counting it toward a budget, and noting when it began. */
  private static void begin(GuardedMethod method, CodeBlock.Builder code) {
    RetrySpec retry = method.guard(RetrySpec.class).orElseThrow();
    if (retry.hasBudget()) {
      code.addStatement("this.$N.recordCall()", field(method));
    }
    if (retry.maxDuration().isPresent()) {
      code.addStatement("long $N = this.$N.startNanos()", method.locals().start(), field(method));
    }
  }

  /** The start of the call for the policy's {@code maxDuration}; {@code 0L} where it has none and ignores it. */
  private static CodeBlock start(GuardedMethod method) {
    RetrySpec retry = method.guard(RetrySpec.class).orElseThrow();
    return retry.maxDuration().isPresent() ? CodeBlock.of("$N", method.locals().start()) : CodeBlock.of("0L");
  }

  /** The catch block's test: rethrow the failure unless it is retried, after its pause. */
  private static CodeBlock giveUp(GuardedMethod method, ProxyForm form) {
    RetrySpec retry = method.guard(RetrySpec.class).orElseThrow();
    GuardedMethod.LocalNames locals = method.locals();
    String failure = locals.failure();
    CodeBlock pause;
    if (retry.delayFrom().isPresent()) {
      pause = CodeBlock.of("this.$N.pauseBeforeRetry($N, $N, $L,$W$L)", field(method), locals.attempt(), failure,
          start(method), delayFrom(retry, form, failure));
    } else if (retry.maxDuration().isPresent()) {
      pause = CodeBlock.of("this.$N.pauseBeforeRetry($N, $N, $N)", field(method), locals.attempt(), failure,
          locals.start());
    } else {
      pause = CodeBlock.of("this.$N.pauseBeforeRetry($N, $N)", field(method), locals.attempt(), failure);
    }
    CodeBlock unretried = FailureChecks.unhandled(failure, retry.retryOn(), retry.abortOn());
    CodeBlock giveUp = unretried.isEmpty() ? CodeBlock.of("!$L", pause) : CodeBlock.of("$L$W|| !$L", unretried, pause);
    return CodeBlock.builder()
        .beginControlFlow("if ($L)", giveUp)
        .addStatement("throw $N", failure)
        .endControlFlow()
        .build();
  }

  /** The wait the failure asks for, read by the {@code delayFrom} method where the failure is of its type. */
  private static CodeBlock delayFrom(RetrySpec retry, ProxyForm form, String failure) {
    if (retry.delayFromType().isEmpty()) {
      return ChainMethodCalls.call(retry.delayFrom().orElseThrow(), form, CodeBlock.of("$N", failure));
    }
    TypeName type = retry.delayFromType().get();
    return CodeBlock.of("$N instanceof $T$W? $L$W: null", failure, type,
        ChainMethodCalls.call(retry.delayFrom().orElseThrow(), form, CodeBlock.of("($T) $N", type, failure)));
  }

  private static String field(GuardedMethod method) {
    return method.fieldPrefix() + "$retry";
  }
}
