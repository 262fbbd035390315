package dev.chainmail.processor.scan;

import javax.lang.model.element.AnnotationMirror;

/**
 * A guard annotation that applies to a method.
 *
 * @param mirror the annotation, where it was written
 * @param fromType whether it is written on the chain type rather than on the method itself
 */
public record AppliedAnnotation(AnnotationMirror mirror, boolean fromType) {}
