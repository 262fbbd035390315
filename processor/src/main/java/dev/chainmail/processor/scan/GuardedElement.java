package dev.chainmail.processor.scan;

import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;

/**
 * A method the proxy guards, with the guard annotations that apply to it. For each annotation type the method's own
 * annotation wins; a type-level one applies only where the method has none of that type.
 *
 * @param method the guarded method
 * @param annotations the annotations that apply, by type, in {@link GuardAnnotation} order
 */
public record GuardedElement(ExecutableElement method, Map<GuardAnnotation, AppliedAnnotation> annotations) {

  /** Returns the annotation of a type that applies to the method, the method's own or the type's. */
  public Optional<AnnotationMirror> annotation(GuardAnnotation type) {
    AppliedAnnotation applied = annotations.get(type);
    return applied == null ? Optional.empty() : Optional.of(applied.mirror());
  }

  /** Returns the first annotation written on the method itself, if any: diagnostics about the method point there. */
  public Optional<AnnotationMirror> firstDirect() {
    for (AppliedAnnotation applied : annotations.values()) {
      if (!applied.fromType()) {
        return Optional.of(applied.mirror());
      }
    }
    return Optional.empty();
  }
}
