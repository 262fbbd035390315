package dev.chainmail.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import dev.chainmail.processor.model.GuardedMethod;
import dev.chainmail.processor.model.ReplicatedSpec;
import java.util.List;

/**
 * Writes {@code @Replicated}: a loop over the replicas that the method's {@code ReplicaPolicy} chooses, with the
 * guards beneath it and the call inside a {@code try}. A success tells the replica set in the {@code finally}
 * block; a failure that {@code failOn} accepts counts against its replica and moves the call on to the next one,
 * and any other propagates at once. The last failure is thrown with the earlier ones suppressed.
 */
final class ReplicatedEmitter implements GuardEmitter {

  static final ClassName POLICY = ClassName.get("dev.chainmail.runtime", "ReplicaPolicy");
  static final ClassName STRATEGY = ClassName.get("dev.chainmail.runtime", "ReplicaStrategy");
  static final ClassName FAILURES = ClassName.get("dev.chainmail.runtime", "ReplicaFailures");

  @Override
  public boolean applies(GuardedMethod method) {
    return method.has(ReplicatedSpec.class);
  }

  @Override
  public List<FieldSpec> fields(GuardedMethod method) {
    return List.of(FieldSpec.builder(POLICY, field(method)).build());
  }

  @Override
  public CodeBlock initializer(GuardedMethod method, String context) {
    ReplicatedSpec replicated = method.guard(ReplicatedSpec.class).orElseThrow();
    CodeBlock.Builder builder = CodeBlock.builder()
        .add("this.$N = $T.builder($S, $T.$L)", field(method), POLICY, method.id(), STRATEGY, replicated.strategy());
    if (method.onType(ReplicatedSpec.class)) {
      builder.add("\n    .declaredOnType()");
    }
    if (!replicated.weights().isEmpty()) {
      builder.add("\n    .weights($L)", CodeBlock.join(replicated.weights().stream()
          .map(weight -> CodeBlock.of("$L", weight)).toList(), ", "));
    }
    if (replicated.votes() && replicated.quorum() != 0) {
      builder.add("\n    .quorum($L)", replicated.quorum());
    }
    if (replicated.hedged()) {
      ReplicatedSpec.Hedging hedging = replicated.hedging();
      if (!hedging.delay().isEmpty()) {
        builder.add("\n    .hedgeDelay($S)", hedging.delay());
      }
      if (hedging.maxHedges() != 1) {
        builder.add("\n    .maxHedges($L)", hedging.maxHedges());
      }
      if (hedging.budget() != 0.1) {
        builder.add("\n    .hedgeBudget($L)", hedging.budget());
      }
    }
    return builder.add("\n    .build(this.$N);\n", ReplicaSetForm.FIELD).build();
  }

  @Override
  public CodeBlock wrap(GuardedMethod method, ProxyForm form, CodeBlock inner) {
    ReplicatedSpec replicated = method.guard(ReplicatedSpec.class).orElseThrow();
    GuardedMethod.LocalNames names = method.locals();
    String set = "this." + ReplicaSetForm.FIELD;
    CodeBlock.Builder code = CodeBlock.builder()
        .addStatement("int $N = this.$N.first()", names.replica(), field(method))
        .addStatement("long $N = 0L", names.tried())
        .addStatement("$T $N = null", FAILURES, names.failures())
        .beginControlFlow("while (true)")
        .addStatement("$T $N = $L.replica($N)", replicated.chain(), names.target(), set,
            names.replica());
    if (replicated.balancesLoad()) {
      code.addStatement("$L.enter($N)", set, names.replica());
    }
    code.addStatement("boolean $N = false", names.failed())
        .beginControlFlow("try")
        .add(inner)
        .nextControlFlow("catch (Throwable $N)", names.failure())
        .addStatement("$N = true", names.failed());
    if (replicated.balancesLoad()) {
      code.addStatement("$L.exit($N)", set, names.replica());
    }
    CodeBlock unhandled = FailureChecks.unhandled(names.failure(), replicated.failOn(), replicated.skipOn());
    if (!unhandled.isEmpty()) {
      code.add("// Not a replica's failure: it propagates at once, and counts against no replica.\n")
          .beginControlFlow("if ($L)", unhandled)
          .addStatement("throw $N", names.failure())
          .endControlFlow();
    }
    return code
        .addStatement("$L.failed($N, $S, $N)", set, names.replica(), method.id(), names.failure())
        .addStatement("$N |= 1L << $N", names.tried(), names.replica())
        .addStatement("$N = this.$N.next($N)", names.replica(), field(method), names.tried())
        .beginControlFlow("if ($N < 0)", names.replica())
        .add("// Every replica this call could try has failed: the last failure, with the earlier ones.\n")
        .addStatement("$T.attach($N, $N)", FAILURES, names.failures(), names.failure())
        .addStatement("throw $N", names.failure())
        .endControlFlow()
        .addStatement("$N = $T.add($N, $N)", names.failures(), FAILURES, names.failures(), names.failure())
        .nextControlFlow("finally")
        .add(exit(method, replicated, set, names))
        .endControlFlow()
        .endControlFlow()
        .build();
  }

  /**
   * A hedged method calls several replicas at once, on the replica executor: the guards beneath go in a method of
   * their own, which runs one replica's call.
   */
  @Override
  public boolean keepsResult(GuardedMethod method) {
    return method.guard(ReplicatedSpec.class).orElseThrow().parallel();
  }

  @Override
  public boolean beneathPerReplica(GuardedMethod method) {
    return keepsResult(method);
  }

  /** The helper holding the guards beneath runs one replica's call. */
  @Override
  public String beneathName() {
    return "onReplica";
  }

  /**
   * Writes a synchronous method that calls several replicas at once: the runtime runs each replica's call, and the
   * caller waits for the winner or the quorum.
   */
  @Override
  public CodeBlock wrapCall(GuardedMethod method, ProxyForm form, CodeBlock call) {
    ReplicatedSpec replicated = method.guard(ReplicatedSpec.class).orElseThrow();
    String failure = method.locals().failure();
    String replica = method.locals().replica();
    CodeBlock rest = CodeBlock.of("$N -> $L$L", failure,
        FailureChecks.handled(failure, replicated.failOn(), replicated.skipOn()), voteBy(method, form));
    if (method.signature().returnsVoid()) {
      // A return, for a retry loop around it.
      return CodeBlock.builder()
          .addStatement("this.$N.call($N -> { $L; return null; },$W$L)", field(method), replica, call, rest)
          .addStatement("return")
          .build();
    }
    return CodeBlock.builder()
        .addStatement("return this.$N.call($N -> $L,$W$L)", field(method), replica, call, rest)
        .build();
  }

  /** For a vote by a {@code voteBy} method, the argument that maps an answer to its key; else nothing. */
  private static CodeBlock voteBy(GuardedMethod method, ProxyForm form) {
    ReplicatedSpec replicated = method.guard(ReplicatedSpec.class).orElseThrow();
    if (!replicated.votes() || replicated.voteBy().isEmpty()) {
      return CodeBlock.of("");
    }
    String result = method.locals().result();
    return CodeBlock.of(",$W$N -> $L", result,
        ChainMethodCalls.call(replicated.voteBy().get(), form, CodeBlock.of("$N", result)));
  }

  /**
   * Writes the replicas of an asynchronous method: the runtime's loop over them, given the guards beneath for one
   * replica's index and the {@code failOn} and {@code skipOn} checks.
   */
  @Override
  public CodeBlock wrapAsync(GuardedMethod method, ProxyForm form, CodeBlock stage) {
    ReplicatedSpec replicated = method.guard(ReplicatedSpec.class).orElseThrow();
    String failure = method.locals().failure();
    return CodeBlock.of("this.$N.async($N -> $L,$W$N -> $L$L)", field(method), method.locals().replica(), stage,
        failure, FailureChecks.handled(failure, replicated.failOn(), replicated.skipOn()), voteBy(method, form));
  }

  /** Choosing the first replica could fail; the generator turns that into a failed stage. */
  @Override
  public boolean rejectsAsync() {
    return true;
  }

  /** The {@code finally} block, for a success: the set hears it, and a load-balanced call leaves its replica. */
  private static CodeBlock exit(GuardedMethod method, ReplicatedSpec replicated, String set,
      GuardedMethod.LocalNames names) {
    CodeBlock.Builder exit = CodeBlock.builder()
        .beginControlFlow("if (!$N)", names.failed())
        .addStatement("$L.succeeded($N, $S)", set, names.replica(), method.id());
    if (replicated.balancesLoad()) {
      exit.addStatement("$L.exit($N)", set, names.replica());
    }
    return exit.endControlFlow().build();
  }

  private static String field(GuardedMethod method) {
    return method.fieldPrefix() + "$routing";
  }
}
