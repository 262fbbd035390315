package dev.chainmail.processor.model;

import com.palantir.javapoet.TypeName;
import dev.chainmail.processor.scan.ChainMembers;
import dev.chainmail.processor.validate.FallbackResolver;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.TypeMirror;

/** Builds the {@link FallbackSpec} of a validated {@code @Fallback}, resolving the method it names. */
public final class FallbackSpecFactory implements GuardSpecFactory {

  private final SpecReader reader;
  private final FallbackResolver resolver;

  public FallbackSpecFactory(SpecReader reader, FallbackResolver resolver) {
    this.reader = reader;
    this.resolver = resolver;
  }

  @Override
  public FallbackSpec create(ChainScope scope, ExecutableElement guarded, AnnotationMirror fallback) {
    ChainMembers members = scope.members();
    String name = reader.annotations().stringValue(fallback, "method");
    ExecutableElement target = resolver.resolve(members.type(), guarded, name).target().orElseThrow(
        () -> new IllegalStateException("fallback " + name + " of validated " + guarded + " did not resolve"));
    boolean takesFailure = target.getParameters().size() > guarded.getParameters().size();
    Optional<TypeName> cast = Optional.empty();
    if (takesFailure) {
      TypeMirror failureType = resolver.failureType(members.type(), target);
      if (!failureType.toString().equals("java.lang.Throwable")) {
        cast = Optional.of(TypeName.get(failureType));
      }
    }
    return new FallbackSpec(ChainMethodRef.of(target, scope), takesFailure, cast,
        reader.classes(fallback, "applyOn", true),
        reader.classes(fallback, "skipOn", false));
  }
}
