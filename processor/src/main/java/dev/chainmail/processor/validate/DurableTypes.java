package dev.chainmail.processor.validate;

import dev.chainmail.processor.codec.CodecTypeReader;
import dev.chainmail.processor.codec.UserCodecs;
import dev.chainmail.processor.scan.ChainMembers;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks that what a durable method records can be encoded: its result, and its arguments, which are
 * fingerprinted through the same codecs. Shared by the validators of {@code @Checkpoint} and {@code @RunId}.
 */
public final class DurableTypes {

  private final Elements elements;
  private final Types types;
  private final UserCodecs userCodecs;

  public DurableTypes(Elements elements, Types types, UserCodecs userCodecs) {
    this.elements = elements;
    this.types = types;
    this.userCodecs = userCodecs;
  }

  /**
   * Reports the result, unless {@code checkResult} is false, and each argument but {@code skipped} (the run id of
   * an entry), that no codec of the chain can encode.
   */
  public void check(ChainMembers members, ExecutableElement method, AnnotationMirror annotation,
      boolean checkResult, Optional<VariableElement> skipped, ValidationReport report) {
    CodecTypeReader reader = new CodecTypeReader(elements, types, members.type(), userCodecs.of(members));
    ExecutableType asMember = (ExecutableType) types.asMemberOf((DeclaredType) members.type().asType(), method);
    TypeMirror result = asMember.getReturnType();
    if (checkResult) {
      reader.read(result).unsupported().ifPresent(reason -> report.error(method, annotation, "codec",
          Message.CHECKPOINT_UNSUPPORTED_RESULT, Describe.method(method), Describe.type(result), reason,
          Describe.type(boxed(result))));
    }
    for (int i = 0; i < method.getParameters().size(); i++) {
      VariableElement parameter = method.getParameters().get(i);
      if (skipped.isPresent() && skipped.get().equals(parameter)) {
        continue;
      }
      TypeMirror type = asMember.getParameterTypes().get(i);
      reader.read(type).unsupported().ifPresent(reason -> report.error(parameter,
          Message.CHECKPOINT_UNSUPPORTED_ARGUMENT, parameter.getSimpleName(), Describe.method(method),
          Describe.type(type), reason, Describe.type(type)));
    }
  }

  /** The type a {@code Codec} of values of this type is declared with: a primitive's box. */
  public TypeMirror boxed(TypeMirror type) {
    return type.getKind().isPrimitive() ? types.boxedClass((PrimitiveType) type).asType() : type;
  }

  /** Whether a type is {@code void}. */
  static boolean isVoid(TypeMirror type) {
    return type.getKind() == TypeKind.VOID;
  }
}
