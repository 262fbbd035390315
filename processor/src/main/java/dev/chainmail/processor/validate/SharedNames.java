package dev.chainmail.processor.validate;

import dev.chainmail.processor.scan.GuardAnnotation;
import java.util.HashMap;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * The guard names seen in one compilation, with the configuration of the first guard of each name. Guards that
 * share a name are one guard at run time, so two of one name that differ in configuration are an error on both.
 * Not thread-safe; one instance serves one processor.
 */
public final class SharedNames {

  /** Where a name was first seen, and with which configuration. */
  private record First(Element element, AnnotationMirror annotation, String configuration) {}

  private final Map<String, First> firsts = new HashMap<>();

  /**
   * Records a named guard, or reports it and the first one of its name when their configurations differ. An
   * empty name shares nothing and is ignored.
   *
   * @param kind the guard annotation
   * @param name the guard's name
   * @param configuration the guard's attributes that the shared runtime guard holds, in a canonical form
   */
  public void register(GuardAnnotation kind, String name, String configuration, Element element,
      AnnotationMirror annotation, ValidationReport report) {
    if (name.isEmpty()) {
      return;
    }
    First first = firsts.putIfAbsent(kind + "/" + name, new First(element, annotation, configuration));
    if (first == null || first.configuration().equals(configuration)) {
      return;
    }
    report.error(element, annotation, "name", Message.SHARED_NAME_CONFLICT, kind.simpleName(), name,
        where(first.element()), configuration, first.configuration());
    report.error(first.element(), first.annotation(), "name", Message.SHARED_NAME_CONFLICT, kind.simpleName(), name,
        where(element), first.configuration(), configuration);
  }

  private static String where(Element element) {
    if (element instanceof ExecutableElement) {
      return ((TypeElement) element.getEnclosingElement()).getQualifiedName() + "." + Describe.method(
          (ExecutableElement) element);
    }
    return ((TypeElement) element).getQualifiedName().toString();
  }
}
