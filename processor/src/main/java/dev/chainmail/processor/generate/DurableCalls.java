package dev.chainmail.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.chainmail.processor.codec.CodecNames;
import dev.chainmail.processor.codec.CodecType;
import dev.chainmail.processor.model.GuardedMethod;
import dev.chainmail.processor.model.Parameter;
import java.util.StringJoiner;

/** What the emitters of durable runs share: the names of the runtime's types and of the chain's codecs. */
final class DurableCalls {

  static final String PACKAGE = "dev.chainmail.runtime.checkpoint";
  static final ClassName CHECKPOINTS = ClassName.get(PACKAGE, "Checkpoints");
  static final ClassName RUN = ClassName.get(PACKAGE, "CheckpointRun");

  private DurableCalls() {}

  /** {@code ResilientXCodecs.searchArguments(topic)}: the method's arguments, but {@code skipped}, encoded. */
  static CodeBlock arguments(GuardedMethod method, ClassName codecs, int skipped) {
    StringJoiner arguments = new StringJoiner(", ");
    for (int i = 0; i < method.signature().parameters().size(); i++) {
      Parameter parameter = method.signature().parameters().get(i);
      if (i != skipped) {
        arguments.add(parameter.name());
      }
    }
    return CodeBlock.of("$T.$N($L)", codecs, CodecNames.argumentsMethod(method.fieldPrefix()), arguments);
  }

  /** {@code ResilientXCodecs.LIST_OF_DOC}: the codec of a result type, by the plan's name for it. */
  static CodeBlock codec(ClassName codecs, String constant) {
    return CodeBlock.of("$T.$N", codecs, constant);
  }

  /** Whether the method returns nothing, so that a durable call records only that it returned. */
  static boolean isVoid(CodecType result) {
    return result instanceof CodecType.Void;
  }
}
