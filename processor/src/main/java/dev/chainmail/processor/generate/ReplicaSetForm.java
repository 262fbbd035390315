package dev.chainmail.processor.generate;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import dev.chainmail.processor.model.ChainModel;
import dev.chainmail.processor.model.GuardedMethod;
import dev.chainmail.processor.model.HeartbeatSpec;
import dev.chainmail.processor.model.ReplicatedSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javax.lang.model.element.Modifier;

/**
 * The proxy of a replicated chain interface: it implements the interface over a set of replicas that every method
 * shares, built by the constructors, which wrap one delegate as a set of one, and by the static factories
 * {@code replicated} and {@code restartable}; it adds {@code replicaHealth()}. Methods without {@code @Replicated}
 * call the primary replica, the first.
 */
record ReplicaSetForm(ChainModel model) implements ProxyForm {

  static final String FIELD = "chainmail$replicaSet";
  private static final ClassName SET = ClassName.get("dev.chainmail.runtime", "ReplicaSet");
  private static final ClassName DETECTION = ClassName.get("dev.chainmail.runtime", "ReplicaDetection");
  private static final ClassName HEALTH = ClassName.get("dev.chainmail.runtime", "ReplicaHealth");
  private static final ClassName LIST = ClassName.get(List.class);

  @Override
  public void declare(TypeSpec.Builder proxy) {
    proxy.addSuperinterface(model.chain());
    proxy.addField(FieldSpec.builder(setType(), FIELD, Modifier.PRIVATE, Modifier.FINAL).build());
  }

  /** The primary replica, read afresh on each call since it may be restarted. */
  @Override
  public CodeBlock target() {
    return CodeBlock.of("this.$N.replica(0)", FIELD);
  }

  @Override
  public String threadSafeIf() {
    return "replicas are";
  }

  /**
   * The constructors, which wrap one delegate as a set of one, the private constructor they and the factories
   * share, which runs {@code initializers}, and the static factories.
   */
  @Override
  public List<MethodSpec> builders(Initializers initializers) {
    TypeName chain = model.chain();
    TypeName self = selfType();
    List<MethodSpec> builders = new ArrayList<>();
    builders.add(MethodSpec.constructorBuilder()
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("Wraps {@code delegate}, a set of one replica, with the default context.\n")
        .addParameter(chain, "delegate")
        .addStatement("this($T.defaults(), delegate)", ProxyGenerator.CONTEXT)
        .build());
    builders.add(MethodSpec.constructorBuilder()
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("Wraps {@code delegate}, a set of one replica, with the clock, config and listener of"
            + " {@code context}.\n")
        .addParameter(ProxyGenerator.CONTEXT, "context")
        .addParameter(chain, "delegate")
        .addStatement("this(context, $T.of($T.requireNonNull(context, $S), detection(),$W$T.of($T.requireNonNull("
            + "delegate, $S))))", SET, Objects.class, "context", LIST, Objects.class, "delegate")
        .build());
    builders.add(MethodSpec.constructorBuilder()
        .addModifiers(Modifier.PRIVATE)
        .addJavadoc("Builds the policies over {@code replicas}.\n")
        .addParameter(ProxyGenerator.CONTEXT, "context")
        .addParameter(setType(), "replicas")
        .addStatement("this.$N = replicas", FIELD)
        .addCode(initializers.forContext("context"))
        .build());
    MethodSpec.Builder varargs = MethodSpec.methodBuilder("replicated")
        .addJavadoc("Serves the replicated methods from {@code first} and {@code others}, in that order, with the"
            + " default context;\nthe other methods from {@code first}.\n\n@return the proxy\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addTypeVariables(model.typeVariables())
        .returns(self)
        .addParameter(chain, "first")
        .addParameter(ArrayTypeName.of(chain), "others")
        .varargs(true)
        .addStatement("$T.requireNonNull(others, $S)", Objects.class, "others")
        .addStatement("$T<$T> replicas = new $T<>(1 + others.length)", LIST, chain, ArrayList.class)
        .addStatement("replicas.add(first)")
        .addStatement("replicas.addAll($T.asList(others))", Arrays.class)
        .addStatement("return replicated($T.defaults(), replicas)", ProxyGenerator.CONTEXT);
    if (!model.typeVariables().isEmpty()) {
      varargs.addAnnotation(SafeVarargs.class);
    }
    builders.add(varargs.build());
    builders.add(MethodSpec.methodBuilder("replicated")
        .addJavadoc("Serves the replicated methods from {@code replicas}, the first of which, the primary, also"
            + " serves the others,\nwith the clock, scheduler, config and listener of {@code context}.\n\n"
            + "@return the proxy\n@throws dev.chainmail.runtime.ConfigurationException if there are no replicas,"
            + " or more than 64, or\n    a {@code WEIGHTED} method's weights are not one per replica\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addTypeVariables(model.typeVariables())
        .returns(self)
        .addParameter(ProxyGenerator.CONTEXT, "context")
        .addParameter(ParameterizedTypeName.get(LIST, WildcardTypeName.subtypeOf(chain)), "replicas")
        .addStatement("$T.requireNonNull(context, $S)", Objects.class, "context")
        .addStatement("return new $L(context, $T.of(context, detection(), replicas))", diamond(), SET)
        .build());
    TypeName factory = ParameterizedTypeName.get(ClassName.get(Supplier.class), WildcardTypeName.subtypeOf(chain));
    builders.add(MethodSpec.methodBuilder("restartable")
        .addJavadoc("Serves the replicated methods from replicas that {@code factories} create, in that order; a"
            + " replica that is\nejected is discarded, closed if it is {@code AutoCloseable}, and created again"
            + " before it is tried again.\n\n@return the proxy\n@throws dev.chainmail.runtime.ConfigurationException"
            + " as {@code replicated} does\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addTypeVariables(model.typeVariables())
        .returns(self)
        .addParameter(ProxyGenerator.CONTEXT, "context")
        .addParameter(ParameterizedTypeName.get(LIST, WildcardTypeName.subtypeOf(factory)), "factories")
        .addStatement("$T.requireNonNull(context, $S)", Objects.class, "context")
        .addStatement("return new $L(context, $T.restartable(context, detection(), factories))", diamond(), SET)
        .build());
    return builders;
  }

  /** {@code replicaHealth()}, and the replica set's fault detection as the annotations give it. */
  @Override
  public List<MethodSpec> methods() {
    return List.of(MethodSpec.methodBuilder("replicaHealth")
        .addJavadoc("@return a snapshot of each replica's health, in the order the replicas were given\n")
        .addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(LIST, HEALTH))
        .addStatement("return this.$N.health()", FIELD)
        .build(),
        detection());
  }

  private MethodSpec detection() {
    ReplicatedSpec.Detection detection = model.detection().orElseThrow();
    CodeBlock.Builder builder = CodeBlock.builder().add("return $T.builder($S)", DETECTION, model.binaryName());
    if (detection.ejectAfter() != 5) {
      builder.add("\n    .ejectAfter($L)", detection.ejectAfter());
    }
    if (!detection.ejectFor().equals("30s")) {
      builder.add("\n    .ejectFor($S)", detection.ejectFor());
    }
    if (!detection.maxEjectFor().equals("300s")) {
      builder.add("\n    .maxEjectFor($S)", detection.maxEjectFor());
    }
    if (detection.maxEjectedPercent() != 50) {
      builder.add("\n    .maxEjectedPercent($L)", detection.maxEjectedPercent());
    }
    model.heartbeat().ifPresent(method -> builder.add("\n    .heartbeatEvery($S)",
        method.guard(HeartbeatSpec.class).orElseThrow().every()));
    return MethodSpec.methodBuilder("detection")
        .addJavadoc("The replica set's fault detection, as the chain's {@code @Replicated} and {@code @Heartbeat}"
            + " give it.\n")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(DETECTION)
        .addCode(builder.add("\n    .build();\n").build())
        .build();
  }

  private TypeName setType() {
    return ParameterizedTypeName.get(SET, model.chain());
  }

  /** The proxy's own type, with its type variables. */
  private TypeName selfType() {
    if (model.typeVariables().isEmpty()) {
      return model.proxy();
    }
    return ParameterizedTypeName.get(model.proxy(), model.typeVariables().toArray(new TypeName[0]));
  }

  /** {@code ResilientX} or, for a generic chain, {@code ResilientX<>}. */
  private CodeBlock diamond() {
    return model.typeVariables().isEmpty() ? CodeBlock.of("$T", model.proxy()) : CodeBlock.of("$T<>", model.proxy());
  }
}
