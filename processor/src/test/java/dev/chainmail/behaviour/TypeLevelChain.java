package dev.chainmail.behaviour;

import dev.chainmail.Retry;

/** A type-level @Retry: what it covers, and a method-level one that replaces it whole. */
@Retry(maxAttempts = 3, delay = "50ms")
class TypeLevelChain {

  final Script script = new Script();

  public String inherited() {
    script.step();
    return "inherited#" + script.calls();
  }

  @Retry(maxAttempts = 5)
  public String own() {
    script.step();
    return "own#" + script.calls();
  }

  String packagePrivate() {
    script.step();
    return "packagePrivate#" + script.calls();
  }

  protected String protectedOne() {
    script.step();
    return "protectedOne#" + script.calls();
  }

  public final String finalOne() {
    script.step();
    return "finalOne#" + script.calls();
  }
}
