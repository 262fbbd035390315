package dev.chainmail.processor.validate;

import dev.chainmail.processor.scan.ChainMembers;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/**
 * Checks the attributes of one guard annotation where it is written, reporting every error it finds. Each guard
 * annotation has one; {@link ChainValidator} calls it once per annotation written, not once per method covered.
 */
public interface GuardValidator {

  /**
   * @param members the chain type the annotation belongs to
   * @param element where the annotation is written: a method, or the chain type itself
   * @param annotation the annotation
   * @param report where errors go
   */
  void validate(ChainMembers members, Element element, AnnotationMirror annotation, ValidationReport report);
}
