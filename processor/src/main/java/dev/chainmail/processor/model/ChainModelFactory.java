package dev.chainmail.processor.model;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import dev.chainmail.processor.codec.CodecTypeReader;
import dev.chainmail.processor.codec.UserCodecs;
import dev.chainmail.processor.scan.AppliedAnnotation;
import dev.chainmail.processor.scan.ChainMembers;
import dev.chainmail.processor.scan.GuardAnnotation;
import dev.chainmail.processor.scan.GuardedElement;
import dev.chainmail.processor.scan.StageTypes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Turns the elements of a validated chain type into its {@link ChainModel}. */
public final class ChainModelFactory {

  private static final String PROXY_PREFIX = "Resilient";

  private final Elements elements;
  private final Types types;
  private final Map<GuardAnnotation, GuardSpecFactory> specFactories;
  private final UserCodecs userCodecs;

  /**
   * @param elements javac's element utilities
   * @param types javac's type utilities
   * @param specFactories the spec factory of each guard annotation; every {@link GuardAnnotation} must have one
   * @param userCodecs finds the codecs a chain's steps name
   */
  public ChainModelFactory(Elements elements, Types types, Map<GuardAnnotation, GuardSpecFactory> specFactories,
      UserCodecs userCodecs) {
    this.elements = elements;
    this.types = types;
    this.userCodecs = userCodecs;
    this.specFactories = Map.copyOf(specFactories);
    for (GuardAnnotation annotation : GuardAnnotation.values()) {
      if (!this.specFactories.containsKey(annotation)) {
        throw new IllegalArgumentException("no spec factory for @" + annotation.simpleName());
      }
    }
  }

  /** The name of the proxy of a chain type: {@code p.ResilientX}, or {@code p.ResilientOuter_Inner}. */
  public static ClassName proxyName(ClassName chain) {
    return ClassName.get(chain.packageName(), PROXY_PREFIX + String.join("_", chain.simpleNames()));
  }

  public ChainModel create(ChainMembers members) {
    TypeElement type = members.type();
    DeclaredType site = (DeclaredType) type.asType();
    List<TypeVariableName> typeVariables = new ArrayList<>();
    for (TypeParameterElement parameter : type.getTypeParameters()) {
      typeVariables.add(TypeVariableName.get(parameter));
    }
    List<MethodSignature> constructors = new ArrayList<>();
    for (ExecutableElement constructor : members.constructors()) {
      constructors.add(signature(site, constructor, false));
    }
    List<GuardedMethod> guarded = new ArrayList<>();
    Map<String, Integer> overloads = new HashMap<>();
    // Ids and config keys name the chain as Class.getName() does, as MicroProfile Fault Tolerance's keys do.
    String chainName = elements.getBinaryName(type).toString();
    ChainScope scope = new ChainScope(members,
        new CodecTypeReader(elements, types, type, userCodecs.of(members)));
    for (GuardedElement element : members.guarded()) {
      String name = element.method().getSimpleName().toString();
      int overload = overloads.merge(name, 1, Integer::sum);
      guarded.add(guardedMethod(scope, element, chainName,
          overload == 1 ? name : name + "$" + overload));
    }
    List<MethodSignature> forwarded = new ArrayList<>();
    for (ExecutableElement method : members.forwarded()) {
      forwarded.add(signature(site, method, true));
    }
    return new ChainModel(
        proxyName(ClassName.get(type)),
        TypeName.get(type.asType()),
        type.getQualifiedName().toString(),
        members.isInterface(),
        type.getModifiers().contains(Modifier.PUBLIC),
        types.isAssignable(types.erasure(type.asType()),
            elements.getTypeElement("java.io.Serializable").asType()),
        List.copyOf(typeVariables),
        List.copyOf(constructors),
        List.copyOf(guarded),
        List.copyOf(forwarded),
        elements.getBinaryName(type).toString(),
        scope.codecs().catalog(),
        seesGenerated(type));
  }

  /**
   * Whether generated code beside {@code type} may carry {@code @javax.annotation.processing.Generated}: always in
   * the unnamed module, and in a named one only if it reads {@code java.compiler}, which few application modules
   * do; without it the annotation would not compile there.
   */
  private boolean seesGenerated(TypeElement type) {
    ModuleElement module = elements.getModuleOf(type);
    if (module == null || module.isUnnamed()) {
      return true;
    }
    for (ModuleElement.Directive directive : module.getDirectives()) {
      if (directive instanceof ModuleElement.RequiresDirective
          && ((ModuleElement.RequiresDirective) directive).getDependency().getQualifiedName()
              .contentEquals("java.compiler")) {
        return true;
      }
    }
    return false;
  }

  private GuardedMethod guardedMethod(ChainScope scope, GuardedElement element, String chainName,
      String fieldPrefix) {
    ChainMembers members = scope.members();
    DeclaredType site = (DeclaredType) members.type().asType();
    MethodSignature signature = signature(site, element.method(), members.isInterface());
    List<GuardSpec> guards = new ArrayList<>();
    Set<Class<? extends GuardSpec>> onType = new HashSet<>();
    for (Map.Entry<GuardAnnotation, AppliedAnnotation> applied : element.annotations().entrySet()) {
      GuardSpec spec = specFactories.get(applied.getKey()).create(scope, element.method(),
          applied.getValue().mirror());
      guards.add(spec);
      if (applied.getValue().fromType()) {
        onType.add(spec.getClass());
      }
    }
    TypeMirror returned = ((ExecutableType) types.asMemberOf(site, element.method())).getReturnType();
    Optional<TypeName> stageValue = StageTypes.stageValue(returned, elements).map(TypeName::get);
    return new GuardedMethod(signature, chainName + "/" + signature.name(), fieldPrefix, localNames(signature),
        List.copyOf(guards), Set.copyOf(onType), stageValue);
  }

  private MethodSignature signature(DeclaredType site, ExecutableElement method, boolean fromInterface) {
    ExecutableType asMember = (ExecutableType) types.asMemberOf(site, method);
    List<TypeVariableName> typeVariables = new ArrayList<>();
    for (TypeVariable variable : asMember.getTypeVariables()) {
      typeVariables.add(TypeVariableName.get(variable));
    }
    List<Parameter> parameters = new ArrayList<>();
    for (int i = 0; i < method.getParameters().size(); i++) {
      parameters.add(new Parameter(TypeName.get(asMember.getParameterTypes().get(i)),
          method.getParameters().get(i).getSimpleName().toString()));
    }
    List<TypeName> exceptions = new ArrayList<>();
    for (TypeMirror thrown : asMember.getThrownTypes()) {
      exceptions.add(TypeName.get(thrown));
    }
    boolean safeVarargs = method.isVarArgs() && !reifiable(parameters.get(parameters.size() - 1).type());
    return new MethodSignature(
        method.getSimpleName().toString(),
        visibility(method, fromInterface),
        List.copyOf(typeVariables),
        List.copyOf(parameters),
        method.isVarArgs(),
        safeVarargs,
        TypeName.get(asMember.getReturnType()),
        List.copyOf(exceptions),
        elements.isDeprecated(method));
  }

  private static List<Modifier> visibility(Element method, boolean fromInterface) {
    Set<Modifier> modifiers = method.getModifiers();
    if (fromInterface || modifiers.contains(Modifier.PUBLIC)) {
      return List.of(Modifier.PUBLIC);
    }
    return modifiers.contains(Modifier.PROTECTED) ? List.of(Modifier.PROTECTED) : List.of();
  }

  /** Whether a variable-arity parameter's element type is reifiable, so that it needs no @SafeVarargs. */
  private static boolean reifiable(TypeName arrayType) {
    TypeName component = ((ArrayTypeName) arrayType).componentType();
    return !(component instanceof TypeVariableName || component instanceof ParameterizedTypeName);
  }

  private static GuardedMethod.LocalNames localNames(MethodSignature signature) {
    Set<String> taken = new HashSet<>();
    for (Parameter parameter : signature.parameters()) {
      taken.add(parameter.name());
    }
    return new GuardedMethod.LocalNames(free("attempt", taken), free("failure", taken), free("start", taken),
        free("permit", taken), free("recorded", taken), free("callStart", taken), free("deadline", taken),
        free("run", taken), free("step", taken), free("result", taken), free("replica", taken),
        free("target", taken), free("tried", taken), free("failures", taken), free("failed", taken));
  }

  private static String free(String name, Set<String> taken) {
    String candidate = name;
    while (taken.contains(candidate)) {
      candidate = candidate + "$";
    }
    return candidate;
  }
}
