package dev.chainmail.processor.scan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Finds the guarded, forwarded and constructor members of a chain type. */
public final class ChainMembersReader {

  private final Elements elements;
  private final Types types;
  private final AnnotationReader annotations;

  public ChainMembersReader(Elements elements, Types types, AnnotationReader annotations) {
    this.elements = elements;
    this.types = types;
    this.annotations = annotations;
  }

  public ChainMembers read(TypeElement type) {
    boolean isInterface = type.getKind().isInterface();
    Map<GuardAnnotation, AnnotationMirror> typeAnnotations = new EnumMap<>(GuardAnnotation.class);
    for (GuardAnnotation annotation : GuardAnnotation.values()) {
      annotations.find(type, annotation.qualifiedName()).ifPresent(found -> typeAnnotations.put(annotation, found));
    }
    List<GuardedElement> guarded = new ArrayList<>();
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      boolean covered = coveredByTypeAnnotations(method, isInterface);
      Map<GuardAnnotation, AppliedAnnotation> applied = new EnumMap<>(GuardAnnotation.class);
      for (GuardAnnotation annotation : GuardAnnotation.values()) {
        Optional<AnnotationMirror> own = annotation.placement() == GuardAnnotation.Placement.PARAMETER
            ? onAParameter(method, annotation)
            : annotations.find(method, annotation.qualifiedName());
        if (own.isPresent()) {
          applied.put(annotation, new AppliedAnnotation(own.get(), false));
        } else if (covered && typeAnnotations.containsKey(annotation) && !probesItself(method, annotation)) {
          applied.put(annotation, new AppliedAnnotation(typeAnnotations.get(annotation), true));
        }
      }
      if (!applied.isEmpty()) {
        guarded.add(new GuardedElement(method, Collections.unmodifiableMap(applied)));
      }
    }
    List<ExecutableElement> forwarded = isInterface ? forwardedMethods(type, guarded) : List.of();
    List<ExecutableElement> constructors = new ArrayList<>();
    for (ExecutableElement constructor : ElementFilter.constructorsIn(type.getEnclosedElements())) {
      if (!constructor.getModifiers().contains(Modifier.PRIVATE)) {
        constructors.add(constructor);
      }
    }
    return new ChainMembers(type, Collections.unmodifiableMap(typeAnnotations), List.copyOf(guarded), forwarded,
        List.copyOf(constructors));
  }

  /**
   * Whether a type-level annotation stays off a method because the method serves it: a {@code @Heartbeat} probes
   * each replica itself, so the interface's {@code @Replicated} does not cover it.
   */
  private boolean probesItself(ExecutableElement method, GuardAnnotation annotation) {
    return annotation == GuardAnnotation.REPLICATED
        && annotations.find(method, GuardAnnotation.HEARTBEAT.qualifiedName()).isPresent();
  }

  /** The annotation on the first parameter that carries it; the validator reports any second one. */
  private Optional<AnnotationMirror> onAParameter(ExecutableElement method, GuardAnnotation annotation) {
    for (VariableElement parameter : method.getParameters()) {
      Optional<AnnotationMirror> found = annotations.find(parameter, annotation.qualifiedName());
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /** Type-level guards cover an interface's abstract methods and a class's public overridable ones. */
  private static boolean coveredByTypeAnnotations(ExecutableElement method, boolean isInterface) {
    if (isInterface) {
      return method.getModifiers().contains(Modifier.ABSTRACT);
    }
    return method.getModifiers().contains(Modifier.PUBLIC)
        && !method.getModifiers().contains(Modifier.STATIC)
        && !method.getModifiers().contains(Modifier.FINAL)
        && !method.getModifiers().contains(Modifier.ABSTRACT);
  }

  /**
   * Every instance method of an interface and its superinterfaces that the proxy must implement and does not
   * guard, once per signature: where several are inherited with one signature, the one with the most specific
   * return type.
   */
  private List<ExecutableElement> forwardedMethods(TypeElement type, List<GuardedElement> guarded) {
    List<ExecutableElement> candidates = new ArrayList<>();
    for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(type))) {
      Element owner = method.getEnclosingElement();
      if (owner.getKind().isInterface()
          && !method.getModifiers().contains(Modifier.STATIC)
          && !method.getModifiers().contains(Modifier.PRIVATE)) {
        candidates.add(method);
      }
    }
    DeclaredType site = (DeclaredType) type.asType();
    Map<String, ExecutableElement> bySignature = new LinkedHashMap<>();
    for (GuardedElement element : guarded) {
      bySignature.put(signatureKey(site, element.method()), element.method());
    }
    for (ExecutableElement candidate : candidates) {
      String key = signatureKey(site, candidate);
      ExecutableElement present = bySignature.get(key);
      if (present == null || (!isGuarded(present, guarded) && moreSpecific(site, candidate, present))) {
        bySignature.put(key, candidate);
      }
    }
    List<ExecutableElement> forwarded = new ArrayList<>();
    for (ExecutableElement method : bySignature.values()) {
      if (!isGuarded(method, guarded)) {
        forwarded.add(method);
      }
    }
    return List.copyOf(forwarded);
  }

  private static boolean isGuarded(ExecutableElement method, List<GuardedElement> guarded) {
    for (GuardedElement element : guarded) {
      if (element.method().equals(method)) {
        return true;
      }
    }
    return false;
  }

  private String signatureKey(DeclaredType site, ExecutableElement method) {
    ExecutableType asMember = (ExecutableType) types.asMemberOf(site, method);
    StringBuilder key = new StringBuilder(method.getSimpleName()).append('(');
    for (TypeMirror parameter : asMember.getParameterTypes()) {
      key.append(types.erasure(parameter)).append(',');
    }
    return key.append(')').toString();
  }

  /** Whether {@code candidate} overrides {@code present} or returns a narrower type than it. */
  private boolean moreSpecific(DeclaredType site, ExecutableElement candidate, ExecutableElement present) {
    TypeElement type = (TypeElement) site.asElement();
    if (elements.overrides(candidate, present, type)) {
      return true;
    }
    if (elements.overrides(present, candidate, type)) {
      return false;
    }
    TypeMirror candidateReturn = ((ExecutableType) types.asMemberOf(site, candidate)).getReturnType();
    TypeMirror presentReturn = ((ExecutableType) types.asMemberOf(site, present)).getReturnType();
    return !types.isSameType(candidateReturn, presentReturn) && types.isSubtype(candidateReturn, presentReturn);
  }
}
