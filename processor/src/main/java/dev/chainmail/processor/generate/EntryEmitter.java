package dev.chainmail.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import dev.chainmail.processor.codec.CodecNames;
import dev.chainmail.processor.model.ChainModel;
import dev.chainmail.processor.model.EntrySpec;
import dev.chainmail.processor.model.GuardedMethod;
import dev.chainmail.processor.model.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import javax.lang.model.element.Modifier;

/**
 * Writes a run's entry, a method with a {@code @RunId} parameter: it opens the run around the call, returns a
 * finished run's recorded result without calling anything, and records the result of a run that finishes. Adds
 * the proxy's {@code resume(String)}, which calls a run's entry again with its recorded arguments.
 */
final class EntryEmitter extends ResultKeepingEmitter {

  static final ClassName ENTRY = ClassName.get(DurableCalls.PACKAGE, "RunEntry");
  private static final ClassName RECORD = ClassName.get(DurableCalls.PACKAGE, "RunRecord");

  @Override
  public boolean applies(GuardedMethod method) {
    return method.has(EntrySpec.class);
  }

  @Override
  public List<FieldSpec> fields(GuardedMethod method) {
    return List.of(FieldSpec.builder(ENTRY, field(method)).build());
  }

  @Override
  public CodeBlock initializer(GuardedMethod method, String context) {
    return CodeBlock.builder()
        .addStatement("this.$N = $T.of($S, $N)", field(method), ENTRY, spec(method).entry(), context)
        .build();
  }

  @Override
  public CodeBlock wrapCall(GuardedMethod method, ProxyForm form, CodeBlock call) {
    EntrySpec entry = spec(method);
    GuardedMethod.LocalNames locals = method.locals();
    String runId = method.signature().parameters().get(entry.runId()).name();
    CodeBlock codec = DurableCalls.codec(entry.codecs(), CodecNames.resultConstant(method.fieldPrefix()));
    boolean isVoid = DurableCalls.isVoid(entry.result());
    CodeBlock.Builder code = CodeBlock.builder()
        .addStatement("$T $N = this.$N.enter($N, $L)", DurableCalls.RUN, locals.run(), field(method), runId,
            DurableCalls.arguments(method, entry.codecs(), entry.runId()))
        .beginControlFlow("try")
        .beginControlFlow("if ($N.finished())", locals.run());
    if (isVoid) {
      code.addStatement("$N.result($L)", locals.run(), codec).addStatement("return");
    } else {
      code.addStatement("return $N.result($L)", locals.run(), codec);
    }
    code.endControlFlow();
    if (isVoid) {
      code.addStatement("$L", call)
          .addStatement("this.$N.finish($N, $L.encode(null))", field(method), locals.run(), codec);
    } else {
      code.addStatement("$T $N = $L", method.signature().returnType(), locals.result(), call)
          .addStatement("this.$N.finish($N, $L.encode($N))", field(method), locals.run(), codec, locals.result())
          .addStatement("return $N", locals.result());
    }
    return code.nextControlFlow("finally")
        .addStatement("this.$N.exit($N)", field(method), locals.run())
        .endControlFlow()
        .build();
  }

  @Override
  public List<MethodSpec> proxyMethods(ChainModel model) {
    List<GuardedMethod> entries = new ArrayList<>();
    for (GuardedMethod method : model.guarded()) {
      if (applies(method)) {
        entries.add(method);
      }
    }
    if (entries.isEmpty()) {
      return List.of();
    }
    StringJoiner names = new StringJoiner(", ");
    CodeBlock.Builder body = CodeBlock.builder()
        .addStatement("$T recorded = this.$N.recorded(runId)", RECORD, field(entries.get(0)))
        .beginControlFlow("switch (recorded.entry())");
    for (GuardedMethod method : entries) {
      EntrySpec entry = spec(method);
      names.add(entry.entry());
      body.add("case $S: {\n", entry.entry()).indent();
      body.add(resumeCall(method, entry));
      body.unindent().add("}\n");
    }
    body.add("default:\n").indent()
        .addStatement("throw new $T($S + runId + $S + recorded.entry()$W+ $S)", IllegalArgumentException.class,
            "run '", "' was started by ", ", which is not an entry of " + model.chainName() + "; its entries are: "
                + names)
        .unindent()
        .endControlFlow();
    return List.of(MethodSpec.methodBuilder("resume")
        .addJavadoc("Resumes a run: calls its entry again with the arguments it recorded, and returns its result. "
            + "An unfinished\nrun goes on from its last recorded step; a finished one returns its recorded result.\n\n")
        .addJavadoc("@param runId the run's id, such as one from {@code CheckpointStore.unfinishedRuns()}\n")
        .addJavadoc("@return the entry's result, or {@code null} for a {@code void} entry\n")
        .addJavadoc("@throws IllegalArgumentException if the store has no such run, or its entry is not one of "
            + "this chain's\n")
        .addModifiers(Modifier.PUBLIC)
        .returns(Object.class)
        .addParameter(String.class, "runId")
        .addCode(body.build())
        .build());
  }

  /** Decodes an entry's recorded arguments and calls it with them, through the proxy. */
  private static CodeBlock resumeCall(GuardedMethod method, EntrySpec entry) {
    ClassName record = entry.codecs().nestedClass(CodecNames.argumentsRecord(method.fieldPrefix()));
    StringJoiner arguments = new StringJoiner(", ");
    List<Parameter> parameters = method.signature().parameters();
    for (int i = 0; i < parameters.size(); i++) {
      arguments.add(i == entry.runId() ? "runId" : "arguments." + parameters.get(i).name() + "()");
    }
    CodeBlock.Builder code = CodeBlock.builder()
        .addStatement("$T arguments = $T.$N(recorded.arguments())", record, entry.codecs(),
            CodecNames.readArgumentsMethod(method.fieldPrefix()));
    if (method.signature().returnsVoid()) {
      return code.addStatement("$N($L)", method.signature().name(), arguments).addStatement("return null").build();
    }
    return code.addStatement("return $N($L)", method.signature().name(), arguments).build();
  }

  private static EntrySpec spec(GuardedMethod method) {
    return method.guard(EntrySpec.class).orElseThrow();
  }

  private static String field(GuardedMethod method) {
    return method.fieldPrefix() + "$entry";
  }
}
