package dev.chainmail.runtime;

/**
 * Hears what the guards of generated proxies do on the failure path. Nothing is called, and nothing is allocated,
 * when a call succeeds at its first attempt.
 *
 * <p>Methods are called on the thread that made the guarded call, and must not throw: an exception a listener
 * throws propagates to the caller in place of the call's outcome. Implementations must be thread-safe. Every
 * method does nothing by default.
 */
public interface ChainmailListener {

  /** The listener that ignores every event. */
  ChainmailListener NONE = new ChainmailListener() {};

  /**
   * Called when an attempt failed and another will follow after a pause.
   *
   * @param method the guarded method, as {@code com.example.ResearchChain/answer}
   * @param attempt the number of the attempt that failed, from 1
   * @param failure what the attempt threw
   * @param pauseNanos the pause before the next attempt, in nanoseconds
   */
  default void onRetry(String method, int attempt, Throwable failure, long pauseNanos) {}

  /**
   * Called when a failure that {@code retryOn} accepts is not retried after all, because the attempts are used up,
   * the next pause would pass {@code maxDuration}, or the thread was interrupted. The failure then goes on to the
   * caller or the fallback. Failures that {@code retryOn} and {@code abortOn} exclude are not reported here.
   *
   * @param method the guarded method, as {@code com.example.ResearchChain/answer}
   * @param attempts how many attempts were made
   * @param failure the last failure
   */
  default void onRetriesExhausted(String method, int attempts, Throwable failure) {}

  /**
   * Called just before a fallback method answers a failure.
   *
   * @param method the guarded method, as {@code com.example.ResearchChain/answer}
   * @param failure the failure the fallback answers
   */
  default void onFallback(String method, Throwable failure) {}
}
