package dev.chainmail.behaviour;

import dev.chainmail.Retry;

/** A constructor parameter named {@code context}, like the proxy's own context parameter. */
class ContextNamed {

  final Script script = new Script();
  final String context;

  ContextNamed(String context) {
    this.context = context;
  }

  @Retry(maxAttempts = 3)
  public String echo() {
    script.step();
    return context;
  }
}
