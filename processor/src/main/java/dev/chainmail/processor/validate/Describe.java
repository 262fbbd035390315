package dev.chainmail.processor.validate;

import java.util.List;
import java.util.StringJoiner;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/** Writes types and methods the way a user wrote them, for diagnostics: {@code answer(String, int)}. */
public final class Describe {

  private Describe() {}

  public static String type(TypeMirror type) {
    return type.toString().replaceAll("\\bjava\\.lang\\.(?=[A-Z])", "");
  }

  public static String method(ExecutableElement method) {
    return method.getSimpleName() + "(" + parameters(method) + ")";
  }

  public static String parameters(ExecutableElement method) {
    StringJoiner joiner = new StringJoiner(", ");
    for (VariableElement parameter : method.getParameters()) {
      joiner.add(type(parameter.asType()));
    }
    return joiner.toString();
  }

  public static String types(List<? extends TypeMirror> types) {
    StringJoiner joiner = new StringJoiner(", ");
    for (TypeMirror type : types) {
      joiner.add(type(type));
    }
    return joiner.toString();
  }
}
