package dev.chainmail.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import dev.chainmail.processor.codec.CodecNames;
import dev.chainmail.processor.model.CheckpointSpec;
import dev.chainmail.processor.model.GuardedMethod;
import dev.chainmail.processor.model.StepKeySpec;
import java.util.List;
import java.util.Optional;

/**
 * Writes {@code @Checkpoint}: outside a run, the call as if there were no checkpoint; inside one, the recorded
 * result if there is one, and otherwise the call, whose result is committed to the store before it is returned.
 */
final class CheckpointEmitter extends ResultKeepingEmitter {

  static final ClassName POLICY = ClassName.get(DurableCalls.PACKAGE, "StepPolicy");
  private static final ClassName STEP_CALL = ClassName.get(DurableCalls.PACKAGE, "StepCall");

  @Override
  public boolean applies(GuardedMethod method) {
    return method.has(CheckpointSpec.class);
  }

  @Override
  public List<FieldSpec> fields(GuardedMethod method) {
    return List.of(FieldSpec.builder(POLICY, field(method)).build());
  }

  @Override
  public CodeBlock initializer(GuardedMethod method, String context) {
    CheckpointSpec step = spec(method);
    return CodeBlock.builder()
        .addStatement("this.$N = $T.of($S, $S, $L, $L, $N)", field(method), POLICY, method.id(), step.name(),
            step.rerunOnMismatch(), step.atMostOnce(), context)
        .build();
  }

  @Override
  public CodeBlock wrapCall(GuardedMethod method, ProxyForm form, CodeBlock call) {
    CheckpointSpec step = spec(method);
    GuardedMethod.LocalNames locals = method.locals();
    boolean isVoid = DurableCalls.isVoid(step.result());
    CodeBlock codec = DurableCalls.codec(step.codecs(), CodecNames.resultConstant(method.fieldPrefix()));
    CodeBlock arguments = DurableCalls.arguments(method, step.codecs(), -1);
    Optional<StepKeySpec> key = method.guard(StepKeySpec.class);
    CodeBlock begin = key.isPresent()
        ? CodeBlock.of("this.$N.begin($N, $N, $L)", field(method), locals.run(),
            method.signature().parameters().get(key.get().parameter()).name(), arguments)
        : CodeBlock.of("this.$N.begin($N, $L)", field(method), locals.run(), arguments);
    CodeBlock.Builder code = CodeBlock.builder()
        .addStatement("$T $N = $T.current()", DurableCalls.RUN, locals.run(), DurableCalls.CHECKPOINTS)
        .beginControlFlow("if ($N == null)", locals.run());
    if (isVoid) {
      code.addStatement("$L", call).addStatement("return");
    } else {
      code.addStatement("return $L", call);
    }
    code.endControlFlow()
        .addStatement("$T $N = $L", STEP_CALL, locals.step(), begin)
        .beginControlFlow("if ($N.done())", locals.step());
    if (isVoid) {
      code.addStatement("$N.decode($L)", locals.step(), codec).addStatement("return");
    } else {
      code.addStatement("return $N.decode($L)", locals.step(), codec);
    }
    code.endControlFlow();
    if (isVoid) {
      return code.addStatement("$L", call)
          .addStatement("$N.commit($L, null)", locals.step(), codec)
          .build();
    }
    return code.addStatement("$T $N = $L", method.signature().returnType(), locals.result(), call)
        .addStatement("$N.commit($L, $N)", locals.step(), codec, locals.result())
        .addStatement("return $N", locals.result())
        .build();
  }

  private static CheckpointSpec spec(GuardedMethod method) {
    return method.guard(CheckpointSpec.class).orElseThrow();
  }

  private static String field(GuardedMethod method) {
    return method.fieldPrefix() + "$checkpoint";
  }
}
