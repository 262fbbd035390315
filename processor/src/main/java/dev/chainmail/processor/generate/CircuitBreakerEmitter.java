package dev.chainmail.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import dev.chainmail.processor.model.ChainModel;
import dev.chainmail.processor.model.CircuitBreakerSpec;
import dev.chainmail.processor.model.GuardedMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code @CircuitBreaker}: a permit taken before the call, and its outcome recorded after it, a success in
 * the {@code finally} block unless the {@code catch} block recorded the failure. Adds the proxy's
 * {@code circuitBreaker(String)} accessor for operators and tests.
 */
final class CircuitBreakerEmitter implements GuardEmitter {

  static final ClassName POLICY = ClassName.get("dev.chainmail.runtime", "CircuitBreakerPolicy");
  private static final String ACCESSOR = "circuitBreaker";

  @Override
  public boolean applies(GuardedMethod method) {
    return method.has(CircuitBreakerSpec.class);
  }

  @Override
  public List<FieldSpec> fields(GuardedMethod method) {
    return List.of(FieldSpec.builder(POLICY, field(method)).build());
  }

  @Override
  public CodeBlock initializer(GuardedMethod method, String context) {
    CircuitBreakerSpec breaker = spec(method);
    PolicyInitializer initializer = PolicyInitializer.of(field(method), POLICY, method.id())
        .literal("requestVolumeThreshold", breaker.requestVolumeThreshold(), breaker.requestVolumeThreshold() != 20)
        .literal("failureRatio", breaker.failureRatio(), breaker.failureRatio() != 0.5)
        .string("delay", breaker.delay())
        .literal("successThreshold", breaker.successThreshold(), breaker.successThreshold() != 1);
    if (breaker.timeWindow()) {
      initializer.code("windowType", CodeBlock.of("$T.WindowType.TIME", POLICY))
          .literal("minimumCalls", breaker.minimumCalls(), breaker.minimumCalls() != 20);
    }
    return initializer
        .string("slowCallThreshold", breaker.slowCallThreshold())
        .literal("slowCallRatio", breaker.slowCallRatio(),
            breaker.slowCallThreshold().isPresent() && breaker.slowCallRatio() != 1.0)
        .nonEmpty("name", breaker.name())
        .build(context);
  }

  @Override
  public CodeBlock wrap(GuardedMethod method, CodeBlock inner) {
    CircuitBreakerSpec breaker = spec(method);
    GuardedMethod.LocalNames locals = method.locals();
    String field = field(method);
    boolean timed = breaker.slowCallThreshold().isPresent();
    CodeBlock success = timed
        ? CodeBlock.of("this.$N.onSuccess($N, $N)", field, locals.permit(), locals.callStart())
        : CodeBlock.of("this.$N.onSuccess($N)", field, locals.permit());
    CodeBlock.Builder code = CodeBlock.builder()
        .addStatement("long $N = this.$N.acquire()", locals.permit(), field);
    if (timed) {
      code.addStatement("long $N = this.$N.startNanos()", locals.callStart(), field);
    }
    code.addStatement("boolean $N = false", locals.recorded())
        .beginControlFlow("try")
        .add(inner)
        .nextControlFlow("catch ($T $N)", Throwable.class, locals.failure())
        .addStatement("$N = true", locals.recorded());
    CodeBlock skipped = FailureChecks.unhandled(locals.failure(), breaker.failOn(), breaker.skipOn());
    if (skipped.isEmpty()) {
      code.addStatement("this.$N.onFailure($N)", field, locals.permit());
    } else {
      code.beginControlFlow("if ($L)", skipped)
          .addStatement("$L", success)
          .nextControlFlow("else")
          .addStatement("this.$N.onFailure($N)", field, locals.permit())
          .endControlFlow();
    }
    return code.addStatement("throw $N", locals.failure())
        .nextControlFlow("finally")
        .beginControlFlow("if (!$N)", locals.recorded())
        .addStatement("$L", success)
        .endControlFlow()
        .endControlFlow()
        .build();
  }

  @Override
  public List<MethodSpec> proxyMethods(ChainModel model) {
    List<GuardedMethod> guarded = new ArrayList<>();
    for (GuardedMethod method : model.guarded()) {
      if (applies(method)) {
        guarded.add(method);
      }
    }
    if (guarded.isEmpty()) {
      return List.of();
    }
    StringJoiner names = new StringJoiner(", ");
    CodeBlock.Builder body = CodeBlock.builder().beginControlFlow("switch (method)");
    for (GuardedMethod method : guarded) {
      names.add(method.fieldPrefix());
      body.add("case $S:\n", method.fieldPrefix()).indent()
          .addStatement("return this.$N", field(method)).unindent();
    }
    body.add("default:\n").indent()
        .addStatement("throw new $T($S + method + $S$W+ $S)", IllegalArgumentException.class,
            "no @CircuitBreaker guards '", "' in " + model.chainName() + "; ",
            "the methods with one are: " + names)
        .unindent()
        .endControlFlow();
    return List.of(MethodSpec.methodBuilder(ACCESSOR)
        .addJavadoc("Returns the circuit breaker of a guarded method, to read its state or to force it open or "
            + "closed.\n\n")
        .addJavadoc("@param method the method's name: one of $L; a later overload's name is followed by $$2, "
            + "$$3, ...\n", names)
        .addJavadoc("@return the method's breaker, shared with other methods when its {@code name} is set\n")
        .addJavadoc("@throws IllegalArgumentException if the method has no circuit breaker\n")
        .addModifiers(Modifier.PUBLIC)
        .returns(POLICY)
        .addParameter(String.class, "method")
        .addCode(body.build())
        .build());
  }

  private static CircuitBreakerSpec spec(GuardedMethod method) {
    return method.guard(CircuitBreakerSpec.class).orElseThrow();
  }

  private static String field(GuardedMethod method) {
    return method.fieldPrefix() + "$breaker";
  }
}
