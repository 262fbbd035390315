package dev.chainmail.processor.validate;

import dev.chainmail.processor.scan.StageTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Finds the chain methods that annotations name: a {@code @Retry}'s {@code retryOnResult} test, which takes the
 * guarded method's result and returns {@code boolean}, and its {@code delayFrom} reader, which takes a failure and
 * returns a {@code java.time.Duration}; a {@code @Replicated}'s {@code voteBy} key, which takes a result and returns
 * what results are compared by.
 */
public final class ChainMethodResolver {

  private final Elements elements;
  private final Types types;
  private final TypeMirror throwable;
  private final TypeMirror duration;

  public ChainMethodResolver(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
    this.throwable = elements.getTypeElement("java.lang.Throwable").asType();
    this.duration = elements.getTypeElement("java.time.Duration").asType();
  }

  /**
   * What a name resolves to.
   *
   * @param named every method of the chain type with the name
   * @param fitting those of the signature wanted
   */
  public record Resolution(List<ExecutableElement> named, List<ExecutableElement> fitting) {

    /** The method, when exactly one fits. */
    public Optional<ExecutableElement> target() {
      return fitting.size() == 1 ? Optional.of(fitting.get(0)) : Optional.empty();
    }
  }

  /**
   * The methods named {@code name} that can test a result of {@code guarded}, which must not be void:
   * {@code boolean name(R)}.
   */
  public Resolution resultTest(TypeElement chain, ExecutableElement guarded, String name) {
    return takingResult(chain, guarded, name, returned -> returned.getKind() == TypeKind.BOOLEAN);
  }

  /**
   * What a result test of {@code guarded} is given: the method's return type, or for an asynchronous method the
   * type its stage completes with.
   */
  public TypeMirror resultType(TypeElement chain, ExecutableElement guarded) {
    TypeMirror returned = ((ExecutableType) types.asMemberOf((DeclaredType) chain.asType(), guarded)).getReturnType();
    return StageTypes.stageValue(returned, elements).orElse(returned);
  }

  /** The methods named {@code name} that map a result of {@code guarded} to a vote key: {@code K name(R)}. */
  public Resolution voteKey(TypeElement chain, ExecutableElement guarded, String name) {
    return takingResult(chain, guarded, name, returned -> returned.getKind() != TypeKind.VOID);
  }

  /** The methods named {@code name} that take one parameter able to hold a result of {@code guarded}. */
  private Resolution takingResult(TypeElement chain, ExecutableElement guarded, String name,
      Predicate<TypeMirror> returning) {
    DeclaredType site = (DeclaredType) chain.asType();
    TypeMirror result = resultType(chain, guarded);
    List<ExecutableElement> named = named(chain, name);
    List<ExecutableElement> fitting = new ArrayList<>();
    for (ExecutableElement candidate : named) {
      ExecutableType type = (ExecutableType) types.asMemberOf(site, candidate);
      if (type.getParameterTypes().size() == 1 && returning.test(type.getReturnType())
          && types.isAssignable(types.erasure(result), types.erasure(type.getParameterTypes().get(0)))) {
        fitting.add(candidate);
      }
    }
    return new Resolution(List.copyOf(named), List.copyOf(fitting));
  }

  /** The methods named {@code name} that read a delay from a failure: {@code Duration name(F extends Throwable)}. */
  public Resolution failureDelay(TypeElement chain, String name) {
    DeclaredType site = (DeclaredType) chain.asType();
    List<ExecutableElement> named = named(chain, name);
    List<ExecutableElement> fitting = new ArrayList<>();
    for (ExecutableElement candidate : named) {
      ExecutableType type = (ExecutableType) types.asMemberOf(site, candidate);
      if (type.getParameterTypes().size() == 1 && types.isSubtype(type.getParameterTypes().get(0), throwable)
          && types.isSameType(type.getReturnType(), duration)) {
        fitting.add(candidate);
      }
    }
    return new Resolution(List.copyOf(named), List.copyOf(fitting));
  }

  /** The type of the one parameter of a resolved method, as a member of the chain. */
  public TypeMirror parameterType(TypeElement chain, ExecutableElement target) {
    return ((ExecutableType) types.asMemberOf((DeclaredType) chain.asType(), target)).getParameterTypes().get(0);
  }

  private List<ExecutableElement> named(TypeElement chain, String name) {
    List<ExecutableElement> named = new ArrayList<>();
    for (ExecutableElement candidate : ElementFilter.methodsIn(elements.getAllMembers(chain))) {
      if (candidate.getSimpleName().contentEquals(name)) {
        named.add(candidate);
      }
    }
    return named;
  }
}
