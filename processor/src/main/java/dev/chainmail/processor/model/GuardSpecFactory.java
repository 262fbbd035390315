package dev.chainmail.processor.model;

import dev.chainmail.processor.scan.ChainMembers;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;

/** Turns one validated guard annotation that applies to a method into its {@link GuardSpec}. */
public interface GuardSpecFactory {

  /**
   * @param members the chain type
   * @param method the guarded method
   * @param annotation the annotation that applies to it: the method's own, or its type's
   * @return the spec
   */
  GuardSpec create(ChainMembers members, ExecutableElement method, AnnotationMirror annotation);
}
