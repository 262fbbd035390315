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
    return List.of(PerReplica.field(method, POLICY, field(method)));
  }

  @Override
  public CodeBlock initializer(GuardedMethod method, String context) {
    CircuitBreakerSpec breaker = spec(method);
    PolicyInitializer initializer = PolicyInitializer
        .perReplica(method, CircuitBreakerSpec.class, field(method), POLICY)
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
  public CodeBlock wrap(GuardedMethod method, ProxyForm form, CodeBlock inner) {
    CircuitBreakerSpec breaker = spec(method);
    GuardedMethod.LocalNames locals = method.locals();
    CodeBlock policy = PerReplica.policy(method, field(method));
    boolean timed = breaker.slowCallThreshold().isPresent();
    CodeBlock success = timed
        ? CodeBlock.of("$L.onSuccess($N, $N)", policy, locals.permit(), locals.callStart())
        : CodeBlock.of("$L.onSuccess($N)", policy, locals.permit());
    CodeBlock.Builder code = CodeBlock.builder()
        .addStatement("long $N = $L.acquire()", locals.permit(), policy);
    if (timed) {
      code.addStatement("long $N = $L.startNanos()", locals.callStart(), policy);
    }
    code.addStatement("boolean $N = false", locals.recorded())
        .beginControlFlow("try")
        .add(inner)
        .nextControlFlow("catch ($T $N)", Throwable.class, locals.failure())
        .addStatement("$N = true", locals.recorded());
    CodeBlock skipped = FailureChecks.unhandled(locals.failure(), breaker.failOn(), breaker.skipOn());
    if (skipped.isEmpty()) {
      code.addStatement("$L.onFailure($N)", policy, locals.permit());
    } else {
      code.beginControlFlow("if ($L)", skipped)
          .addStatement("$L", success)
          .nextControlFlow("else")
          .addStatement("$L.onFailure($N)", policy, locals.permit())
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
  public CodeBlock wrapAsync(GuardedMethod method, ProxyForm form, CodeBlock stage) {
    CircuitBreakerSpec breaker = spec(method);
    String failure = method.locals().failure();
    return CodeBlock.of("$L.async(() -> $L,$W$N -> $L)", PerReplica.policy(method, field(method)), stage, failure,
        FailureChecks.handled(failure, breaker.failOn(), breaker.skipOn()));
  }

  /** An open breaker rejects a call before it starts. */
  @Override
  public boolean rejectsAsync() {
    return true;
  }

  @Override
  public List<MethodSpec> proxyMethods(ChainModel model) {
    List<GuardedMethod> single = new ArrayList<>();
    List<GuardedMethod> perReplica = new ArrayList<>();
    for (GuardedMethod method : model.guarded()) {
      if (applies(method)) {
        (PerReplica.applies(method) ? perReplica : single).add(method);
      }
    }
    List<MethodSpec> accessors = new ArrayList<>();
    if (!single.isEmpty() || !perReplica.isEmpty()) {
      accessors.add(accessor(model, single, perReplica, false));
    }
    if (!perReplica.isEmpty()) {
      accessors.add(accessor(model, perReplica, single, true));
    }
    return accessors;
  }

  /**
   * {@code circuitBreaker(String method)} for the methods with one breaker, or, {@code byReplica},
   * {@code circuitBreaker(String method, int replica)} for the replicated methods, which have one per replica; a
   * method of the other kind is named in the error that points to the right accessor.
   */
  private static MethodSpec accessor(ChainModel model, List<GuardedMethod> served, List<GuardedMethod> others,
      boolean byReplica) {
    StringJoiner names = new StringJoiner(", ");
    CodeBlock.Builder body = CodeBlock.builder().beginControlFlow("switch (method)");
    for (GuardedMethod method : served) {
      names.add(method.fieldPrefix());
      body.add("case $S:\n", method.fieldPrefix()).indent()
          .addStatement(byReplica ? "return this.$N[replica]" : "return this.$N", field(method)).unindent();
    }
    for (GuardedMethod method : others) {
      body.add("case $S:\n", method.fieldPrefix()).indent()
          .addStatement("throw new $T($S)", IllegalArgumentException.class, byReplica
              ? method.fieldPrefix() + " has one circuit breaker, not one per replica; call circuitBreaker(\""
                  + method.fieldPrefix() + "\")"
              : method.fieldPrefix() + " is @Replicated and has a circuit breaker per replica; call circuitBreaker(\""
                  + method.fieldPrefix() + "\", replica)")
          .unindent();
    }
    StringJoiner otherNames = new StringJoiner(", ");
    others.forEach(method -> otherNames.add(method.fieldPrefix()));
    String listed = served.isEmpty() ? "" : "the methods with one are: " + names;
    if (!others.isEmpty()) {
      listed += (listed.isEmpty() ? "" : "; ") + (byReplica ? "with a single breaker: " : "with one per replica: ")
          + otherNames;
    }
    body.add("default:\n").indent()
        .addStatement("throw new $T($S + method + $S$W+ $S)", IllegalArgumentException.class,
            "no @CircuitBreaker guards '", "' in " + model.chainName() + "; ", listed)
        .unindent()
        .endControlFlow();
    MethodSpec.Builder accessor = MethodSpec.methodBuilder(ACCESSOR)
        .addJavadoc(byReplica
            ? "Returns the circuit breaker of one replica of a replicated method, to read its state or to force it"
                + " open or closed.\n\n"
            : "Returns the circuit breaker of a guarded method, to read its state or to force it open or "
                + "closed.\n\n")
        .addJavadoc("@param method the method's name$L; a later overload's name is followed by $$2, $$3, ...\n",
            served.isEmpty() ? "" : ": one of " + names);
    if (byReplica) {
      accessor.addJavadoc("@param replica the replica's index, from 0, in the order the replicas were given\n");
    }
    accessor.addJavadoc("@return the $L breaker, shared with other methods when its {@code name} is set\n",
            byReplica ? "replica's" : "method's")
        .addJavadoc("@throws IllegalArgumentException if the method has no circuit breaker$L\n",
            byReplica ? " per replica" : others.isEmpty() ? "" : ", or one per replica")
        .addModifiers(Modifier.PUBLIC)
        .returns(POLICY)
        .addParameter(String.class, "method");
    if (byReplica) {
      accessor.addJavadoc("@throws ArrayIndexOutOfBoundsException if there is no such replica\n")
          .addParameter(int.class, "replica");
    }
    return accessor.addCode(body.build()).build();
  }

  private static CircuitBreakerSpec spec(GuardedMethod method) {
    return method.guard(CircuitBreakerSpec.class).orElseThrow();
  }

  private static String field(GuardedMethod method) {
    return method.fieldPrefix() + "$breaker";
  }
}
