package dev.chainmail.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import dev.chainmail.processor.model.GuardedMethod;
import dev.chainmail.processor.model.TimeoutSpec;
import java.util.List;

/**
 * Writes {@code @Timeout}: the thread's deadline armed before the call, and checked and disarmed after it. The
 * {@code catch} block turns a failure after the deadline into a timeout with the failure as its cause; the
 * {@code finally} block does the same for a late return, and disarms.
 */
final class TimeoutEmitter implements GuardEmitter {

  static final ClassName POLICY = ClassName.get("dev.chainmail.runtime", "TimeoutPolicy");
  private static final ClassName DEADLINE = POLICY.nestedClass("Deadline");

  @Override
  public boolean applies(GuardedMethod method) {
    return method.has(TimeoutSpec.class);
  }

  @Override
  public List<FieldSpec> fields(GuardedMethod method) {
    return List.of(FieldSpec.builder(POLICY, field(method)).build());
  }

  @Override
  public CodeBlock initializer(GuardedMethod method, String context) {
    TimeoutSpec timeout = method.guard(TimeoutSpec.class).orElseThrow();
    return PolicyInitializer.of(method, TimeoutSpec.class, field(method), POLICY)
        .string("timeout", timeout.value())
        .build(context);
  }

  @Override
  public CodeBlock wrap(GuardedMethod method, ProxyForm form, CodeBlock inner) {
    GuardedMethod.LocalNames locals = method.locals();
    String field = field(method);
    return CodeBlock.builder()
        .addStatement("$T $N = this.$N.start()", DEADLINE, locals.deadline(), field)
        .beginControlFlow("try")
        .add(inner)
        .nextControlFlow("catch ($T $N)", Throwable.class, locals.failure())
        .addStatement("this.$N.finish($N, $N)", field, locals.deadline(), locals.failure())
        .addStatement("throw $N", locals.failure())
        .nextControlFlow("finally")
        .addStatement("this.$N.finish($N)", field, locals.deadline())
        .endControlFlow()
        .build();
  }

  @Override
  public CodeBlock wrapAsync(GuardedMethod method, ProxyForm form, CodeBlock stage) {
    return CodeBlock.of("this.$N.async($L)", field(method), stage);
  }

  private static String field(GuardedMethod method) {
    return method.fieldPrefix() + "$timeout";
  }
}
