/**
 * Chainmail's runtime: the stateful parts that generated proxies call (backoff, breaker state machines, permits,
 * the timeout watchdog, replica health, clocks, config), the checkpoint stores of durable runs, and the listener
 * SPI with its JDK Flight Recorder events. Depends on the JDK alone: {@code java.sql} for the SQLite store, reached
 * through whatever driver the application puts beside it, and {@code jdk.jfr} for the events.
 * {@code dev.chainmail.runtime.internal} is not exported.
 */
module dev.chainmail.runtime {
  requires transitive java.sql;
  requires jdk.jfr;

  exports dev.chainmail.runtime;
  exports dev.chainmail.runtime.checkpoint;
}
