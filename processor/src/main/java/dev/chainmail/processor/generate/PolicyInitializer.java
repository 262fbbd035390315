package dev.chainmail.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import java.util.Optional;

/**
 * Writes the statement that builds one policy in a proxy constructor, one builder call per line and only for
 * attributes that differ from the runtime builder's defaults:
 * <pre>{@code
 * this.answer$retry = RetryPolicy.builder("com.example.ResearchChain/answer")
 *     .maxAttempts(4)
 *     .build(context);
 * }</pre>
 */
final class PolicyInitializer {

  private final CodeBlock.Builder code;

  private PolicyInitializer(String field, ClassName policy, String method) {
    this.code = CodeBlock.builder().add("this.$N = $T.builder($S)", field, policy, method).indent().indent();
  }

  /** Starts the statement that assigns {@code field} a policy of type {@code policy} for the guarded method. */
  static PolicyInitializer of(String field, ClassName policy, String method) {
    return new PolicyInitializer(field, policy, method);
  }

  /** Adds {@code .setter(value)} when {@code differs}, with {@code value} written as a literal. */
  PolicyInitializer literal(String setter, Object value, boolean differs) {
    if (differs) {
      code.add("\n.$N($L)", setter, value);
    }
    return this;
  }

  /** Adds {@code .setter("value")} when the value is present. */
  PolicyInitializer string(String setter, Optional<String> value) {
    value.ifPresent(text -> code.add("\n.$N($S)", setter, text));
    return this;
  }

  /** Adds {@code .setter("value")} when the value is not empty. */
  PolicyInitializer nonEmpty(String setter, String value) {
    if (!value.isEmpty()) {
      code.add("\n.$N($S)", setter, value);
    }
    return this;
  }

  /** Adds {@code .setter(value)}, with {@code value} a code block such as an enum constant. */
  PolicyInitializer code(String setter, CodeBlock value) {
    code.add("\n.$N($L)", setter, value);
    return this;
  }

  /** Ends the statement with {@code .build(context)}. */
  CodeBlock build(String context) {
    return code.add("\n.build($N);\n", context).unindent().unindent().build();
  }
}
