package dev.chainmail.behaviour;

import dev.chainmail.Retry;

/** A generic chain class whose guarded method returns its type variable. */
class Box<T> {

  final Script script = new Script();
  private final T value;

  Box(T value) {
    this.value = value;
  }

  @Retry(maxAttempts = 3)
  public T get() {
    script.step();
    return value;
  }
}
