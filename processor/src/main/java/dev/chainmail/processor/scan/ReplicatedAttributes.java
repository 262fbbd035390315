package dev.chainmail.processor.scan;

import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;

/**
 * The attributes of a method's {@code @Replicated} as they apply: each attribute the method writes, else the
 * interface's, else the default. Immutable.
 *
 * @param annotations reads the annotations
 * @param own the annotation that applies to the method: its own, or the interface's
 * @param type the interface's {@code @Replicated}, if it has one
 */
public record ReplicatedAttributes(AnnotationReader annotations, AnnotationMirror own,
    Optional<AnnotationMirror> type) {

  /** The knobs of the replica set, which every replicated method of a chain shares. */
  public static final List<String> DETECTION_KNOBS = List.of("ejectAfter", "ejectFor", "maxEjectFor",
      "maxEjectedPercent");

  /** The annotation an attribute comes from: the method's if it writes it, else the interface's, if any. */
  public AnnotationMirror source(String attribute) {
    if (annotations.written(own, attribute).isPresent() || type.isEmpty()) {
      return own;
    }
    return type.get();
  }

  /** The attribute's value as it applies. */
  public AnnotationValue value(String attribute) {
    return annotations.value(source(attribute), attribute);
  }

  /** The attribute's value as text that equal values share: {@code 30s} and {@code "30s"} alike. */
  public String text(String attribute) {
    Object value = value(attribute).getValue();
    return value.toString();
  }
}
