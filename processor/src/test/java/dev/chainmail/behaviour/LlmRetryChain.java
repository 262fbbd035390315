package dev.chainmail.behaviour;

import dev.chainmail.CircuitBreaker;
import dev.chainmail.Retry;
import dev.chainmail.runtime.RetryAfter;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The retry features LLM chains need: results retried, waits taken from failures, and budgets. */
class LlmRetryChain {

  /** A provider's 429: the failure says how long to wait. */
  static final class RateLimitedByProvider extends IOException implements RetryAfter {
    private static final long serialVersionUID = 1L;
    private final Duration wait;

    RateLimitedByProvider(Duration wait) {
      super("429, retry after " + wait);
      this.wait = wait;
    }

    @Override
    public Duration retryAfter() {
      return wait;
    }
  }

  /** A failure whose wait only the chain's {@code delayFrom} method knows how to read. */
  static final class HttpFailure extends IOException {
    private static final long serialVersionUID = 1L;
    final int status;
    final long retryAfterSeconds;

    HttpFailure(int status, long retryAfterSeconds) {
      super("HTTP " + status);
      this.status = status;
      this.retryAfterSeconds = retryAfterSeconds;
    }
  }

  final Script script = new Script();
  private final Deque<String> answers = new ArrayDeque<>();
  int tests;

  /** Queues the answers {@link #answer} gives, one per call; once they run out it answers "". */
  void answers(String... queued) {
    answers.addAll(List.of(queued));
  }

  @Retry(maxAttempts = 4, delay = "100ms", multiplier = 2.0, retryOnResult = "isUnusable")
  @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5)
  public String answer(String question) {
    script.step();
    String next = answers.poll();
    return next == null ? "" : next;
  }

  /** Package-private, and not guarded: the proxy calls it through super. */
  boolean isUnusable(String answer) {
    tests++;
    return answer.isBlank();
  }

  @Retry(maxAttempts = 5, delay = "1s", maxDuration = "2500ms", retryOnResult = "isUnusable")
  public String timed() {
    script.step();
    String next = answers.poll();
    return next == null ? "" : next;
  }

  @Retry(maxAttempts = 3, retryOnResult = "isMissing")
  public Integer count() {
    script.step();
    return script.calls() < 3 ? null : script.calls();
  }

  static boolean isMissing(Object value) {
    return value == null;
  }

  @Retry(maxAttempts = 4, delay = "1s", maxDelay = "30s")
  public String limited() throws IOException {
    script.step();
    return "limited#" + script.calls();
  }

  @Retry(maxAttempts = 4, delay = "1s", maxDelay = "20s", delayFrom = "waitFor")
  public String hinted() throws IOException {
    script.step();
    return "hinted#" + script.calls();
  }

  Duration waitFor(HttpFailure failure) {
    return failure.status == 429 ? Duration.ofSeconds(failure.retryAfterSeconds) : null;
  }

  @Retry(maxAttempts = 3, budget = 0.1)
  public String budgeted() {
    script.step();
    return "budgeted#" + script.calls();
  }

  @Retry(maxAttempts = 3)
  public String unbudgeted() {
    script.step();
    return "unbudgeted#" + script.calls();
  }

  @Retry(maxAttempts = 2, budget = 0, name = "shared")
  public String first() {
    script.step();
    return "first";
  }

  @Retry(maxAttempts = 2, budget = 0, name = "shared")
  public String second() {
    script.step();
    return "second";
  }
}
