package dev.chainmail.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.List;
import java.util.Optional;

/**
 * A validated {@code @Fallback}, its target resolved.
 *
 * @param method the fallback method
 * @param takesFailure whether the fallback method takes the failure as its last parameter
 * @param failureCast the type to cast the failure to, when the fallback declares a narrower one than Throwable
 * @param applyOn the failures answered; empty means every failure
 * @param skipOn the failures never answered
 */
public record FallbackSpec(
    ChainMethodRef method,
    boolean takesFailure,
    Optional<TypeName> failureCast,
    List<ClassName> applyOn,
    List<ClassName> skipOn) implements GuardSpec {}
