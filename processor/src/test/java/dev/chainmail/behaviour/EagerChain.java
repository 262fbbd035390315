package dev.chainmail.behaviour;

import dev.chainmail.Retry;

/** A chain class whose constructor calls one of its guarded methods, before the proxy's guards are set up. */
class EagerChain {

  final Script script = new Script();
  final String loaded;

  EagerChain(RuntimeException firstFailure) {
    if (firstFailure != null) {
      script.failWith(firstFailure);
    }
    loaded = load();
  }

  @Retry(maxAttempts = 3)
  public String load() {
    script.step();
    return "load#" + script.calls();
  }
}
