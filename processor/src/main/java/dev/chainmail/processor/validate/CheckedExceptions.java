package dev.chainmail.processor.validate;

import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Tells checked exceptions from unchecked ones, for the methods the proxy calls on the chain's behalf. */
final class CheckedExceptions {

  private final Types types;
  private final TypeMirror runtimeException;
  private final TypeMirror error;

  CheckedExceptions(Elements elements, Types types) {
    this.types = types;
    this.runtimeException = elements.getTypeElement("java.lang.RuntimeException").asType();
    this.error = elements.getTypeElement("java.lang.Error").asType();
  }

  /** Whether a method that throws {@code thrown} must declare it. */
  boolean isChecked(TypeMirror thrown) {
    return !types.isSubtype(thrown, runtimeException) && !types.isSubtype(thrown, error);
  }
}
