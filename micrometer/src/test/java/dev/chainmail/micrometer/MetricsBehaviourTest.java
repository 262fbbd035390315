package dev.chainmail.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chainmail.runtime.ChainmailContext;
import dev.chainmail.runtime.VirtualTime;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The meters a real generated proxy leaves, in virtual time, when its breaker opens beneath its retries. */
class MetricsBehaviourTest {

  private static final String ANSWER = "dev.chainmail.micrometer.MeteredChain/answer";
  private static final long MS = 1_000_000L;

  private final VirtualTime time = new VirtualTime();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final ChainmailMetrics metrics = new ChainmailMetrics(registry);
  private final ResilientMeteredChain chain = new ResilientMeteredChain(
      ChainmailContext.builder().clock(time).sleeper(time).listener(metrics).build());

  /** Two failures open the breaker; the third attempt is rejected, and the fallback answers the rejection. */
  private void openTheBreaker() {
    chain.failures.add(new IllegalStateException("down"));
    chain.failures.add(new IllegalStateException("still down"));

    assertEquals("cached answer to q", chain.answer("q"));
    assertEquals(2, chain.calls, "the open breaker kept the third attempt from the target");
  }

  @Test
  void aCallThatSucceedsAtOnceLeavesNoMeter() {
    assertEquals("answer to q", chain.answer("q"));

    assertEquals(List.of(), registry.getMeters());
  }

  @Test
  void retriesTheOpeningBreakerItsRejectionAndTheFallbackAreAllMetered() {
    openTheBreaker();

    assertEquals(List.of(100 * MS, 200 * MS), time.pauses());
    assertEquals(2, counter("chainmail.retry.failed.attempts",
        "method", ANSWER, "kind", "retried", "exception", "IllegalStateException").count());
    assertEquals(1, counter("chainmail.retry.failed.attempts",
        "method", ANSWER, "kind", "exhausted", "exception", "CircuitBreakerOpenException").count());
    Timer pause = MeterAssertions.only(registry, "chainmail.retry.pause", Timer.class, Tags.of("method", ANSWER));
    assertEquals(2, pause.count());
    assertEquals(300, pause.totalTime(TimeUnit.MILLISECONDS));
    assertEquals(1, counter("chainmail.circuitbreaker.transitions",
        "name", ANSWER, "from", "closed", "to", "open").count());
    assertEquals(1, counter("chainmail.circuitbreaker.not.permitted.calls", "name", ANSWER).count());
    assertEquals(1, counter("chainmail.fallback.calls",
        "method", ANSWER, "exception", "CircuitBreakerOpenException").count());
    MeterAssertions.assertStateGauges(registry, ANSWER, "open");
    assertEquals(11, registry.getMeters().size(), "five counters, one timer, five state gauges");
  }

  @Test
  void aBoundBreakerIsGaugedBeforeItsFirstTransitionAndFollowedLiveThroughRecovery() {
    metrics.bindCircuitBreaker(chain.circuitBreaker("answer"));
    MeterAssertions.assertStateGauges(registry, ANSWER, "closed");

    openTheBreaker();
    MeterAssertions.assertStateGauges(registry, ANSWER, "open");

    time.advance(10_000 * MS);
    MeterAssertions.assertStateGauges(registry, ANSWER, "open");   // half-open comes with the next call

    assertEquals("answer to q", chain.answer("q"));

    MeterAssertions.assertStateGauges(registry, ANSWER, "closed");
    assertEquals(1, counter("chainmail.circuitbreaker.transitions",
        "name", ANSWER, "from", "open", "to", "half_open").count());
    assertEquals(1, counter("chainmail.circuitbreaker.transitions",
        "name", ANSWER, "from", "half_open", "to", "closed").count());
  }

  @Test
  void anOperatorForcingTheBreakerIsSeenByTheGaugesAndCounted() {
    openTheBreaker();

    chain.circuitBreaker("answer").forceOpen();

    MeterAssertions.assertStateGauges(registry, ANSWER, "forced_open");
    assertEquals(1, counter("chainmail.circuitbreaker.transitions",
        "name", ANSWER, "from", "open", "to", "forced_open").count());
  }

  private Counter counter(String name, String... tags) {
    return MeterAssertions.only(registry, name, Counter.class, Tags.of(tags));
  }
}
