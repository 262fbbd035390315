package dev.chainmail.processor.generate;

import com.palantir.javapoet.CodeBlock;
import dev.chainmail.processor.model.ChainMethodRef;

/** Writes calls of the chain's own methods that annotations name, such as fallback methods and result tests. */
final class ChainMethodCalls {

  private ChainMethodCalls() {}

  /** A call of {@code method} with {@code arguments}, reached as its receiver says through {@code form}. */
  static CodeBlock call(ChainMethodRef method, ProxyForm form, CodeBlock arguments) {
    switch (method.receiver()) {
      case INSTANCE:
        return CodeBlock.of("$L.$N($L)", form.target(), method.name(), arguments);
      case INTERFACE:
        return CodeBlock.of("$T.$N($L)", method.owner(), method.name(), arguments);
      default:
        return CodeBlock.of("$N($L)", method.name(), arguments);
    }
  }
}
