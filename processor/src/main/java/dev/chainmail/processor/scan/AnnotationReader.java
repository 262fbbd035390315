package dev.chainmail.processor.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Reads Chainmail annotations through their {@link AnnotationMirror}s, defaults included. Reading them through
 * {@code getAnnotation} would throw for {@code Class} members, and would lose the mirror that diagnostics point at.
 */
public final class AnnotationReader {

  private final Elements elements;

  public AnnotationReader(Elements elements) {
    this.elements = elements;
  }

  /** Returns the annotation of the given type written directly on an element, if any. */
  public Optional<AnnotationMirror> find(Element element, String annotationType) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
      if (type.getQualifiedName().contentEquals(annotationType)) {
        return Optional.of(mirror);
      }
    }
    return Optional.empty();
  }

  /** Returns the value of an attribute, its default if it was not written. */
  public AnnotationValue value(AnnotationMirror mirror, String attribute) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
        : elements.getElementValuesWithDefaults(mirror).entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(attribute)) {
        return entry.getValue();
      }
    }
    throw new IllegalArgumentException("no attribute " + attribute + " in " + mirror);
  }

  /** Returns the value of an attribute only where the user wrote it: diagnostics point there. */
  public Optional<AnnotationValue> written(AnnotationMirror mirror, String attribute) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
        : mirror.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(attribute)) {
        return Optional.of(entry.getValue());
      }
    }
    return Optional.empty();
  }

  public int intValue(AnnotationMirror mirror, String attribute) {
    return (Integer) value(mirror, attribute).getValue();
  }

  public double doubleValue(AnnotationMirror mirror, String attribute) {
    return (Double) value(mirror, attribute).getValue();
  }

  public String stringValue(AnnotationMirror mirror, String attribute) {
    return (String) value(mirror, attribute).getValue();
  }

  /** Returns the classes of a {@code Class[]} attribute; an unresolved class comes back as an error type. */
  public List<TypeMirror> typesValue(AnnotationMirror mirror, String attribute) {
    Object raw = value(mirror, attribute).getValue();
    List<TypeMirror> types = new ArrayList<>();
    if (raw instanceof List<?>) {
      for (Object item : (List<?>) raw) {
        Object inner = ((AnnotationValue) item).getValue();
        if (inner instanceof TypeMirror) {
          types.add((TypeMirror) inner);
        }
      }
    }
    return types;
  }
}
