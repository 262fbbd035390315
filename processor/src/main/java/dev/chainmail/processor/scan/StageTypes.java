package dev.chainmail.processor.scan;

import java.util.List;
import java.util.Optional;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;

/**
 * Recognises the return types of asynchronous methods, {@code CompletionStage<T>} and {@code CompletableFuture<T>},
 * whose guards act on the stage rather than on the call, and the type {@code T} their stages complete with.
 */
public final class StageTypes {

  private static final List<String> STAGES = List.of("java.util.concurrent.CompletionStage",
      "java.util.concurrent.CompletableFuture");

  private StageTypes() {}

  /**
   * The type a method's stage completes with, if the method is asynchronous: {@code String} for
   * {@code CompletionStage<String>} and for {@code CompletableFuture<? extends String>}; {@code Object} for a raw
   * stage or a wildcard with no upper bound.
   */
  public static Optional<TypeMirror> stageValue(TypeMirror returnType, Elements elements) {
    if (returnType.getKind() != TypeKind.DECLARED) {
      return Optional.empty();
    }
    DeclaredType declared = (DeclaredType) returnType;
    String name = ((TypeElement) declared.asElement()).getQualifiedName().toString();
    if (!STAGES.contains(name)) {
      return Optional.empty();
    }
    TypeMirror object = elements.getTypeElement("java.lang.Object").asType();
    if (declared.getTypeArguments().isEmpty()) {
      return Optional.of(object);
    }
    TypeMirror argument = declared.getTypeArguments().get(0);
    if (argument.getKind() == TypeKind.WILDCARD) {
      TypeMirror bound = ((WildcardType) argument).getExtendsBound();
      return Optional.of(bound != null ? bound : object);
    }
    return Optional.of(argument);
  }

  /** Whether a method returning {@code returnType} is asynchronous. */
  public static boolean isStage(TypeMirror returnType, Elements elements) {
    return stageValue(returnType, elements).isPresent();
  }
}
