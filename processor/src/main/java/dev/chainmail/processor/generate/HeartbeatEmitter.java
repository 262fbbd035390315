package dev.chainmail.processor.generate;

import com.palantir.javapoet.CodeBlock;
import dev.chainmail.processor.model.GuardedMethod;
import dev.chainmail.processor.model.HeartbeatSpec;

/**
 * Writes {@code @Heartbeat} on its method: nothing around the call, which goes to the primary replica like any
 * method without {@code @Replicated}. The proxy starts the probe of every replica when it is built; see
 * {@link ReplicaSetEmitter}.
 */
final class HeartbeatEmitter implements GuardEmitter {

  @Override
  public boolean applies(GuardedMethod method) {
    return method.has(HeartbeatSpec.class);
  }

  @Override
  public CodeBlock wrap(GuardedMethod method, CodeBlock inner) {
    return inner;
  }
}
