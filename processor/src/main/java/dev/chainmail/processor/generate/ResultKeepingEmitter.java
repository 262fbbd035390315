package dev.chainmail.processor.generate;

import com.palantir.javapoet.CodeBlock;
import dev.chainmail.processor.model.GuardedMethod;

/**
 * A guard that keeps the value of what is beneath it, as the durable ones do: the generator hands it one call
 * through {@link #wrapCall}, never statements through {@link #wrap}.
 */
abstract class ResultKeepingEmitter implements GuardEmitter {

  @Override
  public final boolean keepsResult(GuardedMethod method) {
    return true;
  }

  @Override
  public final CodeBlock wrap(GuardedMethod method, ProxyForm form, CodeBlock inner) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " wraps a call; see keepsResult()");
  }
}
