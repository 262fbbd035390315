package dev.chainmail.processor.validate;

import dev.chainmail.processor.scan.AnnotationReader;
import dev.chainmail.runtime.Durations;
import java.util.List;
import java.util.OptionalLong;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/** Checks that every guard's validator shares: durations, and a pair of exception lists where one excludes. */
public final class AttributeChecks {

  private final AnnotationReader annotations;
  private final Types types;

  public AttributeChecks(AnnotationReader annotations, Types types) {
    this.annotations = annotations;
    this.types = types;
  }

  public AnnotationReader annotations() {
    return annotations;
  }

  /**
   * Parses a duration attribute, reporting it if it does not parse. An empty string, which means "none" for an
   * optional duration, gives an empty result without an error; so does one that does not parse, with one.
   */
  public OptionalLong duration(Element element, AnnotationMirror annotation, String attribute, boolean optional,
      ValidationReport report) {
    String text = annotations.stringValue(annotation, attribute);
    if (text.isEmpty() && optional) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Durations.parseNanos(text));
    } catch (IllegalArgumentException e) {
      report.error(element, annotation, attribute, Message.DURATION,
          annotation.getAnnotationType().asElement().getSimpleName(), attribute, e.getMessage());
      return OptionalLong.empty();
    }
  }

  /** A parsed duration in the canonical form that configurations are compared in: {@code 5s}, {@code 250ms}. */
  public static String canonical(OptionalLong nanos) {
    return nanos.isPresent() ? Durations.format(nanos.getAsLong()) : "none";
  }

  /**
   * Reports each class of {@code included} that equals or extends a class of {@code excluded}, where the excluding
   * list wins so the included class could never apply, with {@code message} and the arguments (included,
   * excluded, included).
   */
  public void notExcluded(Element element, AnnotationMirror annotation, String included, String excluded,
      Message message, ValidationReport report) {
    for (TypeMirror in : annotations.typesValue(annotation, included)) {
      for (TypeMirror out : annotations.typesValue(annotation, excluded)) {
        if (types.isSubtype(in, out)) {
          report.error(element, annotation, included, message, Describe.type(in), Describe.type(out),
              Describe.type(in));
        }
      }
    }
  }

  /** Reports an empty exception list, with {@code message}. */
  public void notEmpty(Element element, AnnotationMirror annotation, String attribute, Message message,
      ValidationReport report) {
    List<TypeMirror> listed = annotations.typesValue(annotation, attribute);
    if (listed.isEmpty()) {
      report.error(element, annotation, attribute, message);
    }
  }
}
