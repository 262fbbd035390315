package dev.chainmail.micrometer;

import dev.chainmail.runtime.CircuitBreakerPolicy;

/**
 * What the state gauges of one breaker read: the state of the breaker bound to them, if one is, read live at each
 * publication; else the state the last reported transition led to.
 *
 * <p>This class is thread-safe.
 */
final class BreakerState {

  private volatile CircuitBreakerPolicy bound;
  private volatile CircuitBreakerPolicy.State reported;

  BreakerState(CircuitBreakerPolicy.State initial) {
    this.reported = initial;
  }

  /** Reads {@code breaker} from now on, in place of the reported transitions or a breaker bound before. */
  void bind(CircuitBreakerPolicy breaker) {
    bound = breaker;
  }

  /** Records the state a transition led to, shown while no breaker is bound. */
  void report(CircuitBreakerPolicy.State to) {
    reported = to;
  }

  /** @return the bound breaker's state now, else the last reported state */
  CircuitBreakerPolicy.State current() {
    CircuitBreakerPolicy breaker = bound;
    return breaker != null ? breaker.state() : reported;
  }
}
