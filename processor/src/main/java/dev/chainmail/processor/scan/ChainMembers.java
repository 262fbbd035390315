package dev.chainmail.processor.scan;

import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * What the proxy of one chain type is made of, as elements: the input of validation and of the model factory.
 *
 * @param type the chain type
 * @param typeAnnotations the guard annotations on the type itself, in {@link GuardAnnotation} order
 * @param guarded the methods the proxy guards, in declaration order
 * @param forwarded for an interface, the unguarded methods the proxy forwards to its delegate
 * @param constructors for a class, its non-private constructors
 */
public record ChainMembers(
    TypeElement type,
    Map<GuardAnnotation, AnnotationMirror> typeAnnotations,
    List<GuardedElement> guarded,
    List<ExecutableElement> forwarded,
    List<ExecutableElement> constructors) {

  public boolean isInterface() {
    return type.getKind().isInterface();
  }

  /** Whether the type or any of its methods carries {@code @Replicated}. */
  public boolean replicated() {
    return typeAnnotations.containsKey(GuardAnnotation.REPLICATED)
        || guarded.stream().anyMatch(method -> method.annotation(GuardAnnotation.REPLICATED).isPresent());
  }
}
