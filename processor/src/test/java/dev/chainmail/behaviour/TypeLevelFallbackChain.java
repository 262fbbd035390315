package dev.chainmail.behaviour;

import dev.chainmail.Fallback;
import dev.chainmail.Retry;

/** A type-level @Retry on a class whose fallback method is public, so the type-level @Retry covers it too. */
@Retry(maxAttempts = 3)
class TypeLevelFallbackChain {

  final Script script = new Script();
  int fallbackCalls;
  /** When set, the fallback throws this instead of answering. */
  RuntimeException fallbackFailure;

  @Fallback(method = "recover")
  public String fetch() {
    script.step();
    return "fetch#" + script.calls();
  }

  public String recover(Throwable failure) {
    fallbackCalls++;
    if (fallbackFailure != null) {
      throw fallbackFailure;
    }
    return "recovered " + failure.getMessage();
  }
}
