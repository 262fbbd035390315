package dev.chainmail.behaviour;

import dev.chainmail.Retry;
import java.util.concurrent.atomic.AtomicLong;

/** One proxy shared by many threads; each call carries its own failure plan. */
class ConcurrentChain {

  final AtomicLong invocations = new AtomicLong();

  /** One call's plan and attempt count; confined to the thread that makes the call. */
  static final class Call {
    final int failures;
    int attempts;

    Call(int failures) {
      this.failures = failures;
    }
  }

  @Retry(maxAttempts = 5, delay = "1ms", multiplier = 2.0)
  public int work(Call call) {
    invocations.incrementAndGet();
    int attempt = ++call.attempts;
    if (attempt <= call.failures) {
      throw new IllegalStateException("attempt " + attempt + " of a call planned to fail " + call.failures);
    }
    return attempt;
  }
}
