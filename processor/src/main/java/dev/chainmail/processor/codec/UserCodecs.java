package dev.chainmail.processor.codec;

import com.palantir.javapoet.ClassName;
import dev.chainmail.processor.scan.AnnotationReader;
import dev.chainmail.processor.scan.ChainMembers;
import dev.chainmail.processor.scan.GuardAnnotation;
import dev.chainmail.processor.scan.GuardedElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/** Finds the codecs a chain's {@code @Checkpoint(codec = ...)}s name, and the type each one writes. */
public final class UserCodecs {

  /** The runtime interface that user and generated codecs implement. */
  public static final String CODEC = "dev.chainmail.runtime.checkpoint.Codec";

  private final AnnotationReader annotations;
  private final Types types;

  public UserCodecs(AnnotationReader annotations, Types types) {
    this.annotations = annotations;
    this.types = types;
  }

  /** The codec class a {@code @Checkpoint} names, if it names one rather than leaving {@code void.class}. */
  public Optional<TypeMirror> named(AnnotationMirror checkpoint) {
    TypeMirror codec = (TypeMirror) annotations.value(checkpoint, "codec").getValue();
    return codec.getKind() == TypeKind.VOID ? Optional.empty() : Optional.of(codec);
  }

  /** The type a codec class writes: the argument of the {@code Codec<T>} it implements, if it implements one. */
  public Optional<TypeMirror> valueType(TypeMirror codec) {
    if (!(codec instanceof DeclaredType declared)) {
      return Optional.empty();
    }
    if (((TypeElement) declared.asElement()).getQualifiedName().contentEquals(CODEC)) {
      return declared.getTypeArguments().size() == 1
          ? Optional.of(declared.getTypeArguments().get(0))
          : Optional.empty();
    }
    for (TypeMirror supertype : types.directSupertypes(codec)) {
      Optional<TypeMirror> found = valueType(supertype);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /** Every well-formed codec the chain's steps name, with the type it writes. */
  public List<CodecTypeReader.UserCodec> of(ChainMembers members) {
    List<CodecTypeReader.UserCodec> codecs = new ArrayList<>();
    for (GuardedElement guarded : members.guarded()) {
      Optional<AnnotationMirror> checkpoint = guarded.annotation(GuardAnnotation.CHECKPOINT);
      if (checkpoint.isEmpty()) {
        continue;
      }
      Optional<TypeMirror> codec = named(checkpoint.get());
      Optional<TypeMirror> value = codec.flatMap(this::valueType);
      if (value.isPresent() && value.get().getKind() == TypeKind.DECLARED) {
        codecs.add(new CodecTypeReader.UserCodec(value.get(),
            ClassName.get((TypeElement) types.asElement(codec.get()))));
      }
    }
    return codecs;
  }
}
