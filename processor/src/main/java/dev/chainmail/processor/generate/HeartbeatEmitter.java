package dev.chainmail.processor.generate;

import com.palantir.javapoet.CodeBlock;
import dev.chainmail.processor.model.ChainModel;
import dev.chainmail.processor.model.GuardedMethod;
import dev.chainmail.processor.model.HeartbeatSpec;

/**
 * Writes {@code @Heartbeat} on its method: nothing around the call, which goes to the primary replica like any
 * method without {@code @Replicated}; and, for the whole proxy, the start of the probe of every replica on the
 * context's scheduler when the proxy is built.
 */
final class HeartbeatEmitter implements GuardEmitter {

  @Override
  public boolean applies(GuardedMethod method) {
    return method.has(HeartbeatSpec.class);
  }

  @Override
  public CodeBlock wrap(GuardedMethod method, ProxyForm form, CodeBlock inner) {
    return inner;
  }

  /** Starts the heartbeat, which probes every replica on the context's scheduler, once the policies are built. */
  @Override
  public CodeBlock proxyInitializer(ChainModel model, String context) {
    if (model.heartbeat().isEmpty()) {
      return CodeBlock.of("");
    }
    GuardedMethod probe = model.heartbeat().get();
    HeartbeatSpec heartbeat = probe.guard(HeartbeatSpec.class).orElseThrow();
    String name = probe.signature().name();
    if (heartbeat.returnsBoolean()) {
      return CodeBlock.builder().addStatement("this.$N.startHeartbeat($S, $T::$N)", ReplicaSetForm.FIELD, probe.id(),
          ProxyGenerator.rawType(model.chain()), name).build();
    }
    return CodeBlock.builder()
        .add("this.$N.startHeartbeat($S, replica -> {\n", ReplicaSetForm.FIELD, probe.id())
        .indent().addStatement("replica.$N()", name).addStatement("return true").unindent()
        .add("});\n")
        .build();
  }
}
