package dev.chainmail.processor.generate;

import java.util.List;
import java.util.Locale;

/**
 * The guards in the order they nest, outermost first: the one place that order is defined.
 * <ul>
 *   <li>A run's entry opens the run around everything else; a durable step returns its recorded result before any
 *       guard runs, and records whatever its guards produced.</li>
 *   <li>A fallback answers only once everything beneath it has failed, rejections of the guards included.</li>
 *   <li>Each retry attempt runs every guard beneath it again.</li>
 *   <li>Each retry attempt chooses its replicas afresh, and each replica's call passes through the guards beneath.
 *       A heartbeat wraps nothing: the proxy sends it to every replica, on the scheduler.</li>
 *   <li>Every attempt passes through the circuit breaker, which counts the rejections of the guards beneath it.</li>
 *   <li>Every attempt takes a rate-limit permit, and the time it waits for one is not part of its timeout.</li>
 *   <li>The timeout bounds one attempt, the wait for a bulkhead permit included.</li>
 *   <li>The bulkhead holds its permit only while the call itself runs.</li>
 * </ul>
 */
enum GuardStage {
  ENTRY("@RunId entry", new EntryEmitter()),
  CHECKPOINT("@Checkpoint", new CheckpointEmitter()),
  FALLBACK("@Fallback", new FallbackEmitter()),
  RETRY("@Retry", new RetryEmitter()),
  REPLICATED("@Replicated", new ReplicatedEmitter()),
  HEARTBEAT("@Heartbeat", new HeartbeatEmitter()),
  CIRCUIT_BREAKER("@CircuitBreaker", new CircuitBreakerEmitter()),
  RATE_LIMIT("@RateLimit", new RateLimitEmitter()),
  TIMEOUT("@Timeout", new TimeoutEmitter()),
  BULKHEAD("@Bulkhead", new BulkheadEmitter());

  private final String title;
  private final GuardEmitter emitter;

  GuardStage(String title, GuardEmitter emitter) {
    this.title = title;
    this.emitter = emitter;
  }

  /** The guard's annotation, as documentation names it. */
  String title() {
    return title;
  }

  /** The stage's name in a generated method's name: {@code CircuitBreaker} for {@link #CIRCUIT_BREAKER}. */
  String simpleName() {
    StringBuilder name = new StringBuilder();
    for (String word : name().split("_")) {
      name.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
    }
    return name.toString();
  }

  GuardEmitter emitter() {
    return emitter;
  }

  /** The stages from the innermost out, the order in which they wrap the call. */
  static List<GuardStage> innermostFirst() {
    GuardStage[] stages = values();
    GuardStage[] reversed = new GuardStage[stages.length];
    for (int i = 0; i < stages.length; i++) {
      reversed[i] = stages[stages.length - 1 - i];
    }
    return List.of(reversed);
  }
}
