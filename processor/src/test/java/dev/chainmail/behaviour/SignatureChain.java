package dev.chainmail.behaviour;

import dev.chainmail.Fallback;
import dev.chainmail.Retry;
import java.util.List;

/** Signatures the proxy must reproduce: generic methods, varargs, overloads, primitives, void. */
class SignatureChain {

  final Script script = new Script();
  final Script byKey = new Script();
  final Script byId = new Script();
  int touched;

  @Retry(maxAttempts = 3)
  public <T> T first(List<T> items) {
    script.step();
    return items.get(0);
  }

  @Retry(maxAttempts = 3)
  public int sum(int... xs) {
    script.step();
    int sum = 0;
    for (int x : xs) {
      sum += x;
    }
    return sum;
  }

  @Retry(maxAttempts = 2)
  public String load(String key) {
    byKey.step();
    return "key " + key;
  }

  @Retry(maxAttempts = 4)
  public String load(int id) {
    byId.step();
    return "id " + id;
  }

  @Retry
  public int intValue() {
    script.step();
    return 42;
  }

  @Retry
  public long longValue() {
    script.step();
    return 1L << 40;
  }

  @Retry
  public boolean booleanValue() {
    script.step();
    return true;
  }

  @Retry
  public double doubleValue() {
    script.step();
    return 2.5;
  }

  @Retry
  public void touch() {
    script.step();
    touched++;
  }

  /** Parameters named like the proxy's own locals. */
  @Retry(maxAttempts = 3, delay = "1ms", maxDuration = "1s")
  @Fallback(method = "clashRecover")
  public String clash(String failure, int attempt, long start) {
    script.step();
    return failure + "/" + attempt + "/" + start;
  }

  String clashRecover(String failure, int attempt, long start, Throwable cause) {
    return "recovered " + failure + "/" + attempt + "/" + start + ": " + cause.getMessage();
  }
}
