package dev.chainmail.processor.scan;

import java.util.LinkedHashSet;
import java.util.Set;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Collects the chain types of a round: types with a Chainmail annotation on the type, on one of its methods, or on
 * one of their parameters.
 * Types that must wait for code not generated yet are kept by name, since {@link TypeElement}s are not stable
 * across rounds.
 */
public final class ChainScanner {

  private final Elements elements;
  private final Set<String> deferred = new LinkedHashSet<>();

  public ChainScanner(Elements elements) {
    this.elements = elements;
  }

  /** Returns the chain types to process this round: those deferred from earlier rounds first, then new ones. */
  public Set<TypeElement> chainTypes(RoundEnvironment round, Set<? extends TypeElement> annotations) {
    Set<TypeElement> chains = new LinkedHashSet<>();
    for (String name : deferred) {
      TypeElement type = elements.getTypeElement(name);
      if (type != null) {
        chains.add(type);
      }
    }
    deferred.clear();
    for (TypeElement annotation : annotations) {
      if (GuardAnnotation.forQualifiedName(annotation.getQualifiedName()) == null) {
        continue;
      }
      for (Element element : round.getElementsAnnotatedWith(annotation)) {
        Element type = element;
        while (!(type instanceof TypeElement)) {
          type = type.getEnclosingElement();
        }
        chains.add((TypeElement) type);
      }
    }
    return chains;
  }

  /** Keeps a type for the next round. */
  public void defer(TypeElement type) {
    deferred.add(type.getQualifiedName().toString());
  }

  /** Returns the types still deferred, and forgets them. */
  public Set<String> drainDeferred() {
    Set<String> names = new LinkedHashSet<>(deferred);
    deferred.clear();
    return names;
  }
}
