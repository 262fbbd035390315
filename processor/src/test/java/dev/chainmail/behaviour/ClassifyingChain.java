package dev.chainmail.behaviour;

import dev.chainmail.Retry;
import java.io.FileNotFoundException;
import java.io.IOException;

/** Which failures are retried: retryOn, abortOn, and the default that leaves Errors alone. */
class ClassifyingChain {

  final Script script = new Script();

  @Retry(maxAttempts = 3, retryOn = IOException.class)
  public String onlyIo() throws IOException {
    script.step();
    return "onlyIo#" + script.calls();
  }

  @Retry(maxAttempts = 3, retryOn = IOException.class, abortOn = FileNotFoundException.class)
  public String ioButNotMissing() throws IOException {
    script.step();
    return "ioButNotMissing#" + script.calls();
  }

  @Retry(maxAttempts = 3)
  public String defaults() throws IOException {
    script.step();
    return "defaults#" + script.calls();
  }

  @Retry(maxAttempts = 3, retryOn = Throwable.class)
  public String everything() {
    script.step();
    return "everything#" + script.calls();
  }
}
