package dev.chainmail.behaviour;

import dev.chainmail.Retry;
import java.io.IOException;

/** A chain class with two constructors, one of which throws a checked exception. */
class Constructed {

  final Script script = new Script();
  final String name;
  final int copies;

  Constructed(String name) {
    this.name = name;
    this.copies = 1;
  }

  Constructed(String name, int copies) throws IOException {
    if (copies < 0) {
      throw new IOException("negative copies: " + copies);
    }
    this.name = name;
    this.copies = copies;
  }

  @Retry(maxAttempts = 3)
  public String describe() {
    script.step();
    return name + " x" + copies;
  }
}
