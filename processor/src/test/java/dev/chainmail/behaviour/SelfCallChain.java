package dev.chainmail.behaviour;

import dev.chainmail.Retry;

/** A guarded method reached through {@code this} from unguarded methods of the same class. */
class SelfCallChain {

  final Script script = new Script();

  @Retry(maxAttempts = 3)
  public String guarded() {
    script.step();
    return "guarded#" + script.calls();
  }

  public String outer() {
    return "outer(" + this.guarded() + ")";
  }

  String packageOuter() {
    return "packageOuter(" + guarded() + ")";
  }
}
