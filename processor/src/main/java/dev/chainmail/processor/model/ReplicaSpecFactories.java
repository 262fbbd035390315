package dev.chainmail.processor.model;

import com.palantir.javapoet.TypeName;
import dev.chainmail.processor.scan.AnnotationReader;
import dev.chainmail.processor.scan.GuardAnnotation;
import dev.chainmail.processor.scan.ReplicatedAttributes;
import dev.chainmail.processor.validate.ChainMethodResolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.TypeKind;

/** The spec factories of {@code @Replicated} and {@code @Heartbeat}. */
public final class ReplicaSpecFactories {

  private ReplicaSpecFactories() {}

  /** Builds {@link ReplicatedSpec}s, each attribute the method's own or, where it writes none, the interface's. */
  public static GuardSpecFactory replicated(SpecReader reader, ChainMethodResolver chainMethods) {
    AnnotationReader annotations = reader.annotations();
    return (ChainScope scope, ExecutableElement method, AnnotationMirror applied) -> {
      AnnotationMirror type = scope.members().typeAnnotations().get(GuardAnnotation.REPLICATED);
      ReplicatedAttributes attributes = new ReplicatedAttributes(annotations, applied,
          Optional.ofNullable(type == applied ? null : type));
      List<Integer> weights = new ArrayList<>();
      for (Object weight : (List<?>) attributes.value("weights").getValue()) {
        weights.add((Integer) ((AnnotationValue) weight).getValue());
      }
      ReplicatedSpec.Detection detection = new ReplicatedSpec.Detection(
          (Integer) attributes.value("ejectAfter").getValue(),
          attributes.text("ejectFor"),
          attributes.text("maxEjectFor"),
          (Integer) attributes.value("maxEjectedPercent").getValue());
      return new ReplicatedSpec(TypeName.get(scope.members().type().asType()), attributes.text("strategy"), List.copyOf(weights),
          reader.classes(attributes.source("failOn"), "failOn", true),
          reader.classes(attributes.source("skipOn"), "skipOn", false),
          detection,
          new ReplicatedSpec.Hedging(attributes.text("hedgeDelay"), (Integer) attributes.value("maxHedges").getValue(),
              (Double) attributes.value("hedgeBudget").getValue()),
          (Integer) attributes.value("quorum").getValue(),
          voteBy(scope, method, attributes.text("voteBy"), chainMethods));
    };
  }

  private static Optional<ChainMethodRef> voteBy(ChainScope scope, ExecutableElement method, String name,
      ChainMethodResolver chainMethods) {
    if (name.isEmpty()) {
      return Optional.empty();
    }
    ExecutableElement target = chainMethods.voteKey(scope.members().type(), method, name).target().orElseThrow(
        () -> new IllegalStateException("voteBy " + name + " of the validated @Replicated on " + method
            + " did not resolve"));
    return Optional.of(ChainMethodRef.of(target, scope));
  }

  /** Builds {@link HeartbeatSpec}s. */
  public static GuardSpecFactory heartbeat(SpecReader reader) {
    AnnotationReader annotations = reader.annotations();
    return (ChainScope scope, ExecutableElement method, AnnotationMirror heartbeat) -> new HeartbeatSpec(
        annotations.stringValue(heartbeat, "every"), method.getReturnType().getKind() == TypeKind.BOOLEAN);
  }
}
