/**
 * Chainmail's annotations: {@code @Retry}, {@code @Fallback}, {@code @CircuitBreaker}, {@code @RateLimit},
 * {@code @Timeout}, {@code @Bulkhead}, {@code @Replicated}, {@code @Heartbeat}, {@code @Checkpoint}, {@code @RunId}
 * and {@code @StepKey}. Retained in class files only; the annotation processor reads them at compile time. Depends
 * on nothing.
 */
module dev.chainmail.annotations {
  exports dev.chainmail;
}
