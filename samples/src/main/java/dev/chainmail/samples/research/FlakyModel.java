package dev.chainmail.samples.research;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

/** A stand-in for a remote model that times out on a scripted number of calls, so the demo needs no network. */
public final class FlakyModel implements ChatModel {

  private final AtomicInteger calls = new AtomicInteger();
  private volatile int failuresToGo;

  /** Makes the next {@code count} calls fail. */
  public void failNext(int count) {
    failuresToGo = count;
  }

  public int calls() {
    return calls.get();
  }

  @Override
  public String chat(String prompt) throws IOException {
    int call = calls.incrementAndGet();
    if (failuresToGo > 0) {
      failuresToGo--;
      throw new IOException("model timed out on call " + call);
    }
    return "42 is the answer to '" + prompt.substring("Answer briefly: ".length()) + "'";
  }
}
