package dev.chainmail.processor.validate;

import dev.chainmail.processor.scan.AnnotationReader;
import java.util.Optional;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Reports the errors found in one chain type, as precisely located as javac allows: on the element, the
 * annotation, and the attribute value at fault. Errors do not stop validation, so a user sees every problem at
 * once; a type with any error generates nothing.
 */
public final class ValidationReport {

  private final Messager messager;
  private final AnnotationReader annotations;
  private int errors;

  public ValidationReport(Messager messager, AnnotationReader annotations) {
    this.messager = messager;
    this.annotations = annotations;
  }

  /** Reports an error on an attribute: on its value where the user wrote one, else on the annotation. */
  public void error(Element element, AnnotationMirror annotation, String attribute, Message message,
      Object... args) {
    Optional<AnnotationValue> written = annotations.written(annotation, attribute);
    if (written.isPresent()) {
      error(element, annotation, written.get(), message, args);
    } else {
      error(element, annotation, message, args);
    }
  }

  public void error(Element element, Message message, Object... args) {
    errors++;
    messager.printMessage(Diagnostic.Kind.ERROR, message.format(args), element);
  }

  public void error(Element element, AnnotationMirror annotation, Message message, Object... args) {
    errors++;
    messager.printMessage(Diagnostic.Kind.ERROR, message.format(args), element, annotation);
  }

  public void error(Element element, AnnotationMirror annotation, AnnotationValue value, Message message,
      Object... args) {
    errors++;
    messager.printMessage(Diagnostic.Kind.ERROR, message.format(args), element, annotation, value);
  }

  public boolean isClean() {
    return errors == 0;
  }
}
