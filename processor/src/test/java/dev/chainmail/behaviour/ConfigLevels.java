package dev.chainmail.behaviour;

import dev.chainmail.CircuitBreaker;
import dev.chainmail.Fallback;
import dev.chainmail.Retry;

/** Holds nested chains, whose config keys use the binary name {@code ConfigLevels$Nested}, as Class.getName(). */
final class ConfigLevels {

  private ConfigLevels() {}

  /** A type-level @Retry over two methods, one of which also has its own @Retry. */
  @Retry(maxAttempts = 2)
  static class Nested {

    final Script script = new Script();

    public String inherited() {
      script.step();
      return "inherited#" + script.calls();
    }

    @Retry(maxAttempts = 2)
    public String own() {
      script.step();
      return "own#" + script.calls();
    }

    @Fallback(method = "rescue")
    public String rescued() {
      script.step();
      return "rescued#" + script.calls();
    }

    String rescue() {
      return "rescue";
    }

    @CircuitBreaker(requestVolumeThreshold = 4)
    public String guarded() {
      script.step();
      return "guarded#" + script.calls();
    }
  }
}
