package dev.chainmail.processor.model;

import com.palantir.javapoet.ClassName;
import dev.chainmail.processor.codec.CodecNames;
import dev.chainmail.processor.codec.CodecType;
import dev.chainmail.processor.codec.CodecTypeReader;
import dev.chainmail.processor.scan.AnnotationReader;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** The spec factories of durable runs: {@code @Checkpoint} steps, {@code @RunId} entries and {@code @StepKey}s. */
public final class DurableSpecFactories {

  private final AnnotationReader annotations;
  private final Elements elements;
  private final Types types;

  public DurableSpecFactories(AnnotationReader annotations, Elements elements, Types types) {
    this.annotations = annotations;
    this.elements = elements;
    this.types = types;
  }

  /** Builds {@link CheckpointSpec}s. */
  public GuardSpecFactory checkpoint() {
    return (ChainScope scope, ExecutableElement method, AnnotationMirror checkpoint) -> {
      String name = annotations.stringValue(checkpoint, "name");
      ExecutableType asMember = asMember(scope, method);
      return new CheckpointSpec(
          name.isEmpty() ? method.getSimpleName().toString() : name,
          annotations.value(checkpoint, "onMismatch").getValue().toString().equals("RERUN"),
          (Boolean) annotations.value(checkpoint, "atMostOnce").getValue(),
          read(scope.codecs(), asMember.getReturnType()),
          arguments(scope.codecs(), asMember, -1),
          codecsClass(scope));
    };
  }

  /** Builds {@link EntrySpec}s. */
  public GuardSpecFactory entry() {
    return (ChainScope scope, ExecutableElement method, AnnotationMirror runId) -> {
      int index = parameterWith(method, "dev.chainmail.RunId");
      ExecutableType asMember = asMember(scope, method);
      String name = method.getSimpleName().toString();
      return new EntrySpec(elements.getBinaryName(scope.members().type()) + "/" + name, index,
          read(scope.codecs(), asMember.getReturnType()), arguments(scope.codecs(), asMember, index),
          codecsClass(scope));
    };
  }

  /** Builds {@link StepKeySpec}s. */
  public GuardSpecFactory stepKey() {
    return (ChainScope scope, ExecutableElement method, AnnotationMirror stepKey) ->
        new StepKeySpec(parameterWith(method, "dev.chainmail.StepKey"));
  }

  private static ClassName codecsClass(ChainScope scope) {
    return CodecNames.codecsClass(ChainModelFactory.proxyName(ClassName.get(scope.members().type())));
  }

  private ExecutableType asMember(ChainScope scope, ExecutableElement method) {
    return (ExecutableType) types.asMemberOf((DeclaredType) scope.members().type().asType(), method);
  }

  private int parameterWith(ExecutableElement method, String annotation) {
    List<? extends VariableElement> parameters = method.getParameters();
    for (int i = 0; i < parameters.size(); i++) {
      if (annotations.find(parameters.get(i), annotation).isPresent()) {
        return i;
      }
    }
    throw new IllegalStateException("no @" + annotation + " parameter on validated " + method);
  }

  private static List<CodecType> arguments(CodecTypeReader codecs, ExecutableType method, int skipped) {
    List<CodecType> arguments = new ArrayList<>();
    for (int i = 0; i < method.getParameterTypes().size(); i++) {
      if (i != skipped) {
        arguments.add(read(codecs, method.getParameterTypes().get(i)));
      }
    }
    return List.copyOf(arguments);
  }

  private static CodecType read(CodecTypeReader codecs, TypeMirror type) {
    return codecs.read(type).type().orElseThrow(
        () -> new IllegalStateException("no codec for validated type " + type));
  }
}
