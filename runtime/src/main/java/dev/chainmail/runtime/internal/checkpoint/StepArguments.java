package dev.chainmail.runtime.internal.checkpoint;

/** The argument checks that every store's claim makes of a step's write. */
final class StepArguments {

  private StepArguments() {}

  /** @throws NullPointerException naming the first of the step's name, key and fingerprint that is null */
  static void check(String name, String key, byte[] fingerprint) {
    if (name == null || key == null || fingerprint == null) {
      throw new NullPointerException(name == null ? "name" : key == null ? "key" : "fingerprint");
    }
  }
}
