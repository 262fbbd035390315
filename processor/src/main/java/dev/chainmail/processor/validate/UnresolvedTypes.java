package dev.chainmail.processor.validate;

import dev.chainmail.processor.scan.AppliedAnnotation;
import dev.chainmail.processor.scan.ChainMembers;
import dev.chainmail.processor.scan.GuardedElement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;

/**
 * Finds the types a chain's proxy would mention that javac cannot resolve yet, such as a class another processor
 * generates in a later round. A chain with any is deferred to the next round rather than validated.
 */
public final class UnresolvedTypes {

  private UnresolvedTypes() {}

  /** Returns the unresolved types, as javac names them; empty if everything resolves. */
  public static Set<String> find(ChainMembers members) {
    Set<String> unresolved = new LinkedHashSet<>();
    collect(members.type().getSuperclass(), unresolved);
    for (TypeMirror superinterface : members.type().getInterfaces()) {
      collect(superinterface, unresolved);
    }
    List<ExecutableElement> executables = new ArrayList<>(members.forwarded());
    executables.addAll(members.constructors());
    for (GuardedElement guarded : members.guarded()) {
      executables.add(guarded.method());
      for (AppliedAnnotation applied : guarded.annotations().values()) {
        collectClasses(applied.mirror(), unresolved);
      }
    }
    for (ExecutableElement executable : executables) {
      collect(executable.getReturnType(), unresolved);
      for (VariableElement parameter : executable.getParameters()) {
        collect(parameter.asType(), unresolved);
      }
      for (TypeMirror thrown : executable.getThrownTypes()) {
        collect(thrown, unresolved);
      }
    }
    return unresolved;
  }

  /** Collects the classes in the annotation's {@code Class[]} values, such as {@code retryOn}. */
  private static void collectClasses(AnnotationMirror annotation, Set<String> unresolved) {
    for (AnnotationValue value : annotation.getElementValues().values()) {
      if (value.getValue() instanceof List<?>) {
        for (Object item : (List<?>) value.getValue()) {
          Object inner = ((AnnotationValue) item).getValue();
          if (inner instanceof TypeMirror) {
            collect((TypeMirror) inner, unresolved);
          }
        }
      }
    }
  }

  private static void collect(TypeMirror type, Set<String> unresolved) {
    switch (type.getKind()) {
      case ERROR:
        unresolved.add(type.toString());
        break;
      case DECLARED:
        for (TypeMirror argument : ((DeclaredType) type).getTypeArguments()) {
          collect(argument, unresolved);
        }
        break;
      case ARRAY:
        collect(((ArrayType) type).getComponentType(), unresolved);
        break;
      case WILDCARD:
        WildcardType wildcard = (WildcardType) type;
        if (wildcard.getExtendsBound() != null) {
          collect(wildcard.getExtendsBound(), unresolved);
        }
        if (wildcard.getSuperBound() != null) {
          collect(wildcard.getSuperBound(), unresolved);
        }
        break;
      default:
        break;
    }
  }
}
