package dev.chainmail.processor.model;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;

/** Turns one validated guard annotation that applies to a method into its {@link GuardSpec}. */
public interface GuardSpecFactory {

  /**
   * @param scope the chain type, and what its spec factories share
   * @param method the guarded method
   * @param annotation the annotation that applies to it: the method's own, or its type's
   * @return the spec
   */
  GuardSpec create(ChainScope scope, ExecutableElement method, AnnotationMirror annotation);
}
