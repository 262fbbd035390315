package dev.chainmail.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import dev.chainmail.processor.codec.CodecCatalog;
import java.util.List;
import java.util.Optional;

/**
 * Everything the generator needs to write one proxy, with no {@code Element} left in it: generation is a pure
 * function of this model.
 *
 * @param proxy the proxy's name: {@code p.ResilientX}, or {@code p.ResilientOuter_Inner} for a nested type
 * @param chain the chain type as the proxy extends or implements it, type variables included
 * @param chainName the chain type's canonical name
 * @param isInterface whether the chain is an interface, which the proxy wraps, rather than a class it extends
 * @param isPublic whether the chain type, and so the proxy, is public
 * @param serializable whether the chain type is {@code Serializable}, and so the proxy too
 * @param typeVariables the chain type's type variables, which the proxy declares too
 * @param constructors for a class, the constructors to mirror
 * @param guarded the guarded methods, in declaration order
 * @param forwarded for an interface, the unguarded methods forwarded to the delegate
 * @param binaryName the chain type's binary name, as {@code Class.getName()} gives it, which durable records use
 * @param codecs the records the codecs of the chain's durable methods write
 * @param marksGenerated whether generated files carry {@code @Generated}, which a named module that does not read
 *     {@code java.compiler} cannot compile
 */
public record ChainModel(
    ClassName proxy,
    TypeName chain,
    String chainName,
    boolean isInterface,
    boolean isPublic,
    boolean serializable,
    List<TypeVariableName> typeVariables,
    List<MethodSignature> constructors,
    List<GuardedMethod> guarded,
    List<MethodSignature> forwarded,
    String binaryName,
    CodecCatalog codecs,
    boolean marksGenerated) {

  /**
   * Whether the chain has a run's entry, which needs a context with a checkpoint store: its proxy has no
   * constructors that take the default context, which has none.
   */
  public boolean hasEntry() {
    return guarded.stream().anyMatch(method -> method.has(EntrySpec.class));
  }

  /** Whether a method is {@code @Replicated}: the proxy then holds a replica set rather than one delegate. */
  public boolean replicated() {
    return guarded.stream().anyMatch(method -> method.has(ReplicatedSpec.class));
  }

  /** The replica set's knobs, which every replicated method shares; empty if no method is replicated. */
  public Optional<ReplicatedSpec.Detection> detection() {
    return guarded.stream().flatMap(method -> method.guard(ReplicatedSpec.class).stream())
        .map(ReplicatedSpec::detection).findFirst();
  }

  /** The {@code @Heartbeat} method, if the chain has one. */
  public Optional<GuardedMethod> heartbeat() {
    return guarded.stream().filter(method -> method.has(HeartbeatSpec.class)).findFirst();
  }

  public boolean hasFallback() {
    return guarded.stream().anyMatch(method -> method.has(FallbackSpec.class));
  }
}
