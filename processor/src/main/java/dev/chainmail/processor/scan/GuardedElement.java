package dev.chainmail.processor.scan;

import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;

/**
 * A method the proxy guards, with the annotations that apply to it.
 *
 * @param method the guarded method
 * @param retry the {@code @Retry} that applies: the method's own, or the type's
 * @param retryFromType whether {@code retry} is the type-level annotation
 * @param fallback the method's {@code @Fallback}
 */
public record GuardedElement(
    ExecutableElement method,
    Optional<AnnotationMirror> retry,
    boolean retryFromType,
    Optional<AnnotationMirror> fallback) {

  /** Whether the guard annotations sit on the method itself, rather than only on its type. */
  public boolean annotatedDirectly() {
    return fallback.isPresent() || (retry.isPresent() && !retryFromType);
  }
}
