package dev.chainmail.benchmarks.chains;

import dev.chainmail.Retry;

/** One of eight distinct chain classes that the megamorphic scenario calls through one call site. */
public class Step2 implements Service {

  @Override
  @Retry(maxAttempts = 3)
  public int call(int x) {
    return x + 3;
  }
}
