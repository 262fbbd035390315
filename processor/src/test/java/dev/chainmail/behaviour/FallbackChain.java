package dev.chainmail.behaviour;

import dev.chainmail.Fallback;
import dev.chainmail.Retry;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** @Fallback in its forms, with what each fallback method received and when it ran. */
class FallbackChain {

  final Script script = new Script();
  /** Each fallback call: the fallback's name and the guarded method's call count when it ran. */
  final List<String> fallbackLog = new ArrayList<>();
  final List<Throwable> received = new ArrayList<>();
  /** When set, the fallback methods that take a failure throw this instead of answering. */
  RuntimeException fallbackFailure;

  @Retry(maxAttempts = 3)
  @Fallback(method = "recover")
  public String fetch(String key) {
    script.step();
    return "fetched " + key;
  }

  @Fallback(method = "recover")
  public String fallbackOnly(String key) {
    script.step();
    return "fallbackOnly " + key;
  }

  @Retry(maxAttempts = 3, retryOn = IOException.class)
  @Fallback(method = "recover")
  public String notRetried(String key) throws IOException {
    script.step();
    return "notRetried " + key;
  }

  String recover(String key, Throwable failure) {
    fallbackLog.add("recover after " + script.calls());
    received.add(failure);
    if (fallbackFailure != null) {
      throw fallbackFailure;
    }
    return "recovered " + key;
  }

  @Retry(maxAttempts = 2)
  @Fallback(method = "recoverPlain")
  public String plain(String key) {
    script.step();
    return "plain " + key;
  }

  String recoverPlain(String key) {
    fallbackLog.add("recoverPlain after " + script.calls());
    return "plain fallback " + key;
  }

  @Retry(maxAttempts = 2)
  @Fallback(method = "recoverIo", applyOn = IOException.class)
  public String applyOnIo(String key) throws IOException {
    script.step();
    return "applyOnIo " + key;
  }

  @Retry(maxAttempts = 2)
  @Fallback(method = "recoverIo", applyOn = IOException.class, skipOn = FileNotFoundException.class)
  public String skipMissing(String key) throws IOException {
    script.step();
    return "skipMissing " + key;
  }

  String recoverIo(String key, Throwable failure) {
    fallbackLog.add("recoverIo after " + script.calls());
    received.add(failure);
    return "io fallback " + key;
  }

  @Retry(maxAttempts = 2)
  @Fallback(method = "recoverNarrow", applyOn = IOException.class)
  public String narrow(String key) throws IOException {
    script.step();
    return "narrow " + key;
  }

  String recoverNarrow(String key, IOException failure) {
    fallbackLog.add("recoverNarrow after " + script.calls());
    received.add(failure);
    return "narrow fallback " + key + ": " + failure.getMessage();
  }

  @Retry(maxAttempts = 2)
  @Fallback(method = "recoverVoid")
  public void fire(String key) {
    script.step();
    fallbackLog.add("fired " + key);
  }

  void recoverVoid(String key, Throwable failure) {
    fallbackLog.add("recoverVoid " + key + " after " + script.calls());
    received.add(failure);
  }
}
