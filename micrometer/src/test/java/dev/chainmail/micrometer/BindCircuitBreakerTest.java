package dev.chainmail.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.chainmail.runtime.ChainmailContext;
import dev.chainmail.runtime.CircuitBreakerPolicy;
import dev.chainmail.runtime.CircuitBreakerPolicy.State;
import dev.chainmail.runtime.VirtualTime;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/**
 * {@link ChainmailMetrics#bindCircuitBreaker}: gauges that exist before any transition and read the breaker live.
 * The breakers here are built in a context that does not tell the metrics anything, so only a live read can see
 * their state.
 */
class BindCircuitBreakerTest {

  private static final String ANSWER = "com.example.ResearchChain/answer";

  private final VirtualTime time = new VirtualTime();
  private final ChainmailContext unheard = ChainmailContext.builder().clock(time).sleeper(time).build();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final ChainmailMetrics metrics = new ChainmailMetrics(registry);

  private CircuitBreakerPolicy breaker(String name) {
    return CircuitBreakerPolicy.builder(ANSWER).name(name).build(unheard);
  }

  @Test
  void aBoundBreakerIsGaugedAtOnceAndReadLive() {
    CircuitBreakerPolicy breaker = breaker("");

    metrics.bindCircuitBreaker(breaker);
    MeterAssertions.assertStateGauges(registry, ANSWER, "closed");

    breaker.forceOpen();
    MeterAssertions.assertStateGauges(registry, ANSWER, "forced_open");

    breaker.reset();
    MeterAssertions.assertStateGauges(registry, ANSWER, "closed");
  }

  @Test
  void aNamedBreakerIsGaugedUnderItsName() {
    metrics.bindCircuitBreaker(breaker("shared"));

    MeterAssertions.assertStateGauges(registry, "shared", "closed");
    assertEquals(0, registry.find("chainmail.circuitbreaker.state").tag("name", ANSWER).gauges().size());
  }

  @Test
  void aReplicasBreakerIsGaugedUnderTheLabelItsEventsCarry() {
    metrics.bindCircuitBreaker(CircuitBreakerPolicy.builder(ANSWER).replica(1).build(unheard));

    MeterAssertions.assertStateGauges(registry, ANSWER + "[1]", "closed");
  }

  @Test
  void bindingAfterATransitionReusesTheGaugesAndReadsTheBreakerFromThen() {
    metrics.onStateChange(ANSWER, State.CLOSED, State.OPEN);
    MeterAssertions.assertStateGauges(registry, ANSWER, "open");

    metrics.bindCircuitBreaker(breaker(""));

    MeterAssertions.assertStateGauges(registry, ANSWER, "closed");
  }

  @Test
  void aBoundBreakersOwnStateWinsOverReportedTransitions() {
    metrics.bindCircuitBreaker(breaker(""));

    metrics.onStateChange(ANSWER, State.CLOSED, State.OPEN);

    MeterAssertions.assertStateGauges(registry, ANSWER, "closed");
    Counter transitions = MeterAssertions.only(registry, "chainmail.circuitbreaker.transitions", Counter.class,
        Tags.of("name", ANSWER, "from", "closed", "to", "open"));
    assertEquals(1, transitions.count(), "the transition is still counted");
  }

  @Test
  void aBreakerBoundLaterUnderTheSameNameReplacesTheFirst() {
    CircuitBreakerPolicy first = breaker("");
    CircuitBreakerPolicy second = breaker("");
    metrics.bindCircuitBreaker(first);

    metrics.bindCircuitBreaker(second);
    first.forceOpen();

    MeterAssertions.assertStateGauges(registry, ANSWER, "closed");
    second.forceClosed();
    MeterAssertions.assertStateGauges(registry, ANSWER, "forced_closed");
  }

  @Test
  void aNullBreakerIsRejected() {
    assertThrows(NullPointerException.class, () -> metrics.bindCircuitBreaker(null));
  }
}
