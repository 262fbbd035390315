package dev.chainmail.processor.model;

import com.palantir.javapoet.ClassName;
import dev.chainmail.processor.scan.AnnotationReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/** Reads validated annotation values into the forms specs hold, for every guard's spec factory. */
public final class SpecReader {

  private final AnnotationReader annotations;
  private final Types types;

  public SpecReader(AnnotationReader annotations, Types types) {
    this.annotations = annotations;
    this.types = types;
  }

  public AnnotationReader annotations() {
    return annotations;
  }

  /** A string attribute, empty when it holds {@code defaultValue}: the generated builder call is then left out. */
  public Optional<String> nonDefault(AnnotationMirror annotation, String attribute, String defaultValue) {
    String value = annotations.stringValue(annotation, attribute);
    return value.equals(defaultValue) ? Optional.empty() : Optional.of(value);
  }

  /**
   * The classes of an exception list, without those another entry already covers. A list that covers every
   * failure ({@code Throwable}) becomes empty when {@code everythingIsEmpty}, so that no check is emitted for it.
   */
  public List<ClassName> classes(AnnotationMirror annotation, String attribute, boolean everythingIsEmpty) {
    List<TypeMirror> listed = annotations.typesValue(annotation, attribute);
    List<ClassName> names = new ArrayList<>();
    for (int i = 0; i < listed.size(); i++) {
      TypeMirror type = listed.get(i);
      if (everythingIsEmpty && type.toString().equals("java.lang.Throwable")) {
        return List.of();
      }
      if (!coveredByAnother(listed, i)) {
        names.add(ClassName.get((TypeElement) types.asElement(type)));
      }
    }
    return List.copyOf(names);
  }

  private boolean coveredByAnother(List<TypeMirror> listed, int index) {
    for (int j = 0; j < listed.size(); j++) {
      if (j == index) {
        continue;
      }
      boolean same = types.isSameType(listed.get(index), listed.get(j));
      if (same ? j < index : types.isSubtype(listed.get(index), listed.get(j))) {
        return true;
      }
    }
    return false;
  }
}
