package dev.chainmail.processor.generate;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import dev.chainmail.processor.model.GuardedMethod;
import dev.chainmail.processor.model.HeartbeatSpec;
import java.util.List;

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
  public List<FieldSpec> fields(GuardedMethod method) {
    return List.of();
  }

  @Override
  public CodeBlock initializer(GuardedMethod method, String context) {
    return CodeBlock.of("");
  }

  @Override
  public CodeBlock wrap(GuardedMethod method, CodeBlock inner) {
    return inner;
  }
}
