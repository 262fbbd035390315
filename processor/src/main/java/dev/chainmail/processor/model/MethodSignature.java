package dev.chainmail.processor.model;

import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import java.util.List;
import java.util.StringJoiner;
import javax.lang.model.element.Modifier;

/**
 * The signature a proxy method or constructor declares: the original's, as seen from the chain type.
 *
 * @param name the method name; unused for constructors
 * @param visibility {@code PUBLIC}, {@code PROTECTED}, or none for package-private
 * @param typeVariables the method's own type variables
 * @param parameters the parameters, in order
 * @param varargs whether the last parameter is variable-arity
 * @param safeVarargs whether the variable-arity parameter is of a non-reifiable type, which needs
 *     {@code @SafeVarargs} to compile without a heap-pollution warning
 * @param returnType the return type; {@code void} for constructors
 * @param exceptions the declared exceptions
 * @param deprecated whether the original is deprecated, which the override must repeat to compile cleanly
 */
public record MethodSignature(
    String name,
    List<Modifier> visibility,
    List<TypeVariableName> typeVariables,
    List<Parameter> parameters,
    boolean varargs,
    boolean safeVarargs,
    TypeName returnType,
    List<TypeName> exceptions,
    boolean deprecated) {

  public boolean returnsVoid() {
    return returnType.equals(TypeName.VOID);
  }

  /** The arguments that pass every parameter on: {@code question, context}. */
  public String arguments() {
    StringJoiner joiner = new StringJoiner(", ");
    for (Parameter parameter : parameters) {
      joiner.add(parameter.name());
    }
    return joiner.toString();
  }

  /** How the method reads in documentation: {@code answer(String)}. */
  public String describe() {
    StringJoiner joiner = new StringJoiner(", ", name + "(", ")");
    for (Parameter parameter : parameters) {
      joiner.add(parameter.type().toString().replaceAll("\\b[a-z_][\\w]*\\.(?=[\\w.]*[A-Z])", ""));
    }
    return joiner.toString();
  }
}
