package dev.chainmail.processor.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Finds the method a {@code @Fallback} names, in its two forms: with exactly the guarded method's parameter types
 * ("plain"), and with those followed by a {@code Throwable} parameter that receives the failure.
 */
public final class FallbackResolver {

  private final Elements elements;
  private final Types types;
  private final TypeMirror throwable;

  public FallbackResolver(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
    this.throwable = elements.getTypeElement("java.lang.Throwable").asType();
  }

  /**
   * What a name resolves to.
   *
   * @param named every method of the chain type with the name
   * @param plain the one taking the guarded method's parameters
   * @param withFailure the one taking those followed by a failure
   */
  public record Resolution(
      List<ExecutableElement> named, Optional<ExecutableElement> plain, Optional<ExecutableElement> withFailure) {

    /** The fallback method, when the name resolves to exactly one form. */
    public Optional<ExecutableElement> target() {
      return plain.isPresent() && withFailure.isPresent() ? Optional.empty() : plain.or(() -> withFailure);
    }
  }

  public Resolution resolve(TypeElement chain, ExecutableElement guarded, String name) {
    DeclaredType site = (DeclaredType) chain.asType();
    List<? extends TypeMirror> wanted = parameterTypes(site, guarded);
    List<ExecutableElement> named = new ArrayList<>();
    ExecutableElement plain = null;
    ExecutableElement withFailure = null;
    for (ExecutableElement candidate : ElementFilter.methodsIn(elements.getAllMembers(chain))) {
      if (!candidate.getSimpleName().contentEquals(name)) {
        continue;
      }
      named.add(candidate);
      List<? extends TypeMirror> actual = parameterTypes(site, candidate);
      boolean generic = !guarded.getTypeParameters().isEmpty() || !candidate.getTypeParameters().isEmpty();
      if (actual.size() == wanted.size() && sameTypes(wanted, actual, generic)) {
        plain = candidate;
      } else if (actual.size() == wanted.size() + 1
          && sameTypes(wanted, actual.subList(0, wanted.size()), generic)
          && types.isSubtype(actual.get(wanted.size()), throwable)) {
        withFailure = candidate;
      }
    }
    return new Resolution(List.copyOf(named), Optional.ofNullable(plain), Optional.ofNullable(withFailure));
  }

  /** The type of the failure parameter of a fallback method in its second form. */
  public TypeMirror failureType(TypeElement chain, ExecutableElement fallback) {
    List<? extends TypeMirror> parameters = parameterTypes((DeclaredType) chain.asType(), fallback);
    return parameters.get(parameters.size() - 1);
  }

  private List<? extends TypeMirror> parameterTypes(DeclaredType site, ExecutableElement method) {
    return ((ExecutableType) types.asMemberOf(site, method)).getParameterTypes();
  }

  /** Compares parameter types; those of generic methods by erasure, since their type variables differ. */
  private boolean sameTypes(List<? extends TypeMirror> wanted, List<? extends TypeMirror> actual, boolean erase) {
    for (int i = 0; i < wanted.size(); i++) {
      TypeMirror a = erase ? types.erasure(wanted.get(i)) : wanted.get(i);
      TypeMirror b = erase ? types.erasure(actual.get(i)) : actual.get(i);
      if (!types.isSameType(a, b)) {
        return false;
      }
    }
    return true;
  }
}
