package dev.chainmail.processor.model;

import com.palantir.javapoet.TypeName;
import dev.chainmail.processor.scan.AnnotationReader;
import dev.chainmail.processor.validate.ChainMethodResolver;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/** Builds the {@link RetrySpec} of a validated {@code @Retry}, resolving the methods it names. */
public final class RetrySpecFactory implements GuardSpecFactory {

  private final SpecReader reader;
  private final AnnotationReader annotations;
  private final ChainMethodResolver resolver;

  public RetrySpecFactory(SpecReader reader, ChainMethodResolver resolver) {
    this.reader = reader;
    this.annotations = reader.annotations();
    this.resolver = resolver;
  }

  @Override
  public RetrySpec create(ChainScope scope, ExecutableElement method, AnnotationMirror retry) {
    TypeElement chain = scope.members().type();
    Optional<ChainMethodRef> resultTest = Optional.empty();
    String resultTestName = annotations.stringValue(retry, "retryOnResult");
    if (!resultTestName.isEmpty()) {
      resultTest = Optional.of(ChainMethodRef.of(
          resolved(resolver.resultTest(chain, method, resultTestName), method, resultTestName), scope));
    }
    Optional<ChainMethodRef> delayFrom = Optional.empty();
    Optional<TypeName> delayFromType = Optional.empty();
    String delayFromName = annotations.stringValue(retry, "delayFrom");
    if (!delayFromName.isEmpty()) {
      ExecutableElement target = resolved(resolver.failureDelay(chain, delayFromName), method, delayFromName);
      delayFrom = Optional.of(ChainMethodRef.of(target, scope));
      TypeMirror failure = resolver.parameterType(chain, target);
      if (!failure.toString().equals("java.lang.Throwable")) {
        delayFromType = Optional.of(TypeName.get(failure));
      }
    }
    return new RetrySpec(
        annotations.intValue(retry, "maxAttempts"),
        reader.nonDefault(retry, "delay", "0ms"),
        annotations.doubleValue(retry, "multiplier"),
        reader.nonDefault(retry, "maxDelay", ""),
        annotations.doubleValue(retry, "jitter"),
        reader.nonDefault(retry, "maxDuration", ""),
        reader.classes(retry, "retryOn", true),
        reader.classes(retry, "abortOn", false),
        resultTest,
        delayFrom,
        delayFromType,
        annotations.doubleValue(retry, "budget"),
        annotations.stringValue(retry, "name"));
  }

  private static ExecutableElement resolved(ChainMethodResolver.Resolution resolution, ExecutableElement guarded,
      String name) {
    return resolution.target().orElseThrow(
        () -> new IllegalStateException("method " + name + " of the validated @Retry on " + guarded
            + " did not resolve"));
  }
}
