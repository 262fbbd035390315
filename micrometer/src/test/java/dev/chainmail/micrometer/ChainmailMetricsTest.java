package dev.chainmail.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainmail.runtime.BulkheadFullException;
import dev.chainmail.runtime.ChainmailListener;
import dev.chainmail.runtime.CircuitBreakerOpenException;
import dev.chainmail.runtime.CircuitBreakerPolicy.State;
import dev.chainmail.runtime.RateLimitedException;
import dev.chainmail.runtime.TimeoutExceededException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Each listener event, heard directly, and the meters it leaves in a {@code SimpleMeterRegistry}. */
class ChainmailMetricsTest {

  private static final String ANSWER = "com.example.ResearchChain/answer";
  private static final String SEARCH = "com.example.ResearchChain/search";
  private static final long MS = 1_000_000L;

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final ChainmailMetrics metrics = new ChainmailMetrics(registry);

  @Test
  void nothingIsRegisteredBeforeTheFirstEvent() {
    assertEquals(List.of(), registry.getMeters());
  }

  @Test
  void aRetryCountsTheFailedAttemptByExceptionAndTimesThePause() {
    metrics.onRetry(ANSWER, 1, new IOException("1"), 100 * MS);
    metrics.onRetry(ANSWER, 2, new IOException("2"), 200 * MS);
    metrics.onRetry(ANSWER, 3, new IllegalStateException("3"), 400 * MS);

    assertEquals(2, counter("chainmail.retry.failed.attempts",
        "method", ANSWER, "kind", "retried", "exception", "IOException").count());
    assertEquals(1, counter("chainmail.retry.failed.attempts",
        "method", ANSWER, "kind", "retried", "exception", "IllegalStateException").count());
    Timer pause = MeterAssertions.only(registry, "chainmail.retry.pause", Timer.class, Tags.of("method", ANSWER));
    assertEquals(3, pause.count());
    assertEquals(700, pause.totalTime(TimeUnit.MILLISECONDS));
    assertEquals(400, pause.max(TimeUnit.MILLISECONDS));
    assertEquals(3, registry.getMeters().size(), "two counters and one timer");
  }

  @Test
  void exhaustionIsCountedUnderTheSameNameWithItsOwnKind() {
    metrics.onRetry(ANSWER, 1, new IOException("1"), 0);
    metrics.onRetriesExhausted(ANSWER, 2, new IOException("2"));

    assertEquals(1, counter("chainmail.retry.failed.attempts",
        "method", ANSWER, "kind", "exhausted", "exception", "IOException").count());
    assertEquals(1, counter("chainmail.retry.failed.attempts",
        "method", ANSWER, "kind", "retried", "exception", "IOException").count());
  }

  @Test
  void aFallbackIsCountedByMethodAndException() {
    metrics.onFallback(ANSWER, new IOException("down"));
    metrics.onFallback(ANSWER, new IOException("down again"));
    metrics.onFallback(SEARCH, new IllegalArgumentException("bad"));

    assertEquals(2, counter("chainmail.fallback.calls", "method", ANSWER, "exception", "IOException").count());
    assertEquals(1, counter("chainmail.fallback.calls",
        "method", SEARCH, "exception", "IllegalArgumentException").count());
  }

  @Test
  void theExceptionTagOfAnAnonymousClassIsItsFullName() {
    RuntimeException anonymous = new RuntimeException("odd") {
      private static final long serialVersionUID = 1L;
    };

    metrics.onFallback(ANSWER, anonymous);

    assertEquals(1, counter("chainmail.fallback.calls",
        "method", ANSWER, "exception", anonymous.getClass().getName()).count());
  }

  @Test
  void aTransitionIsCountedAndMovesTheStateGauges() {
    metrics.onStateChange(ANSWER, State.CLOSED, State.OPEN);

    assertEquals(1, counter("chainmail.circuitbreaker.transitions",
        "name", ANSWER, "from", "closed", "to", "open").count());
    MeterAssertions.assertStateGauges(registry, ANSWER, "open");

    metrics.onStateChange(ANSWER, State.OPEN, State.HALF_OPEN);
    metrics.onStateChange(ANSWER, State.HALF_OPEN, State.OPEN);

    MeterAssertions.assertStateGauges(registry, ANSWER, "open");
    assertEquals(1, counter("chainmail.circuitbreaker.transitions",
        "name", ANSWER, "from", "open", "to", "half_open").count());
    assertEquals(1, counter("chainmail.circuitbreaker.transitions",
        "name", ANSWER, "from", "half_open", "to", "open").count());
    assertEquals(1, counter("chainmail.circuitbreaker.transitions",
        "name", ANSWER, "from", "closed", "to", "open").count());

    metrics.onStateChange(ANSWER, State.OPEN, State.FORCED_CLOSED);

    MeterAssertions.assertStateGauges(registry, ANSWER, "forced_closed");
  }

  @Test
  void eachBreakerHasItsOwnGauges() {
    metrics.onStateChange("shared", State.CLOSED, State.FORCED_OPEN);
    metrics.onStateChange(ANSWER, State.CLOSED, State.OPEN);

    MeterAssertions.assertStateGauges(registry, "shared", "forced_open");
    MeterAssertions.assertStateGauges(registry, ANSWER, "open");
  }

  @Test
  void aRejectedCallIsCountedButRegistersNoStateGauges() {
    CircuitBreakerOpenException rejection = new CircuitBreakerOpenException(ANSWER, "open", null);

    metrics.onCallNotPermitted(ANSWER, rejection);
    metrics.onCallNotPermitted(ANSWER, rejection);

    assertEquals(2, counter("chainmail.circuitbreaker.not.permitted.calls", "name", ANSWER).count());
    assertEquals(List.of(), registry.find("chainmail.circuitbreaker.state").meters(),
        "a rejection does not say which state rejected the call");
  }

  @Test
  void timeoutsBulkheadAndRateLimiterRejectionsAreCounted() {
    metrics.onTimeout(ANSWER, new TimeoutExceededException(ANSWER, "late", null));
    metrics.onTimeout(ANSWER, new TimeoutExceededException(ANSWER, "late", null));
    metrics.onBulkheadFull("pool", new BulkheadFullException(ANSWER, "full", null));
    metrics.onRateLimited(SEARCH, new RateLimitedException(SEARCH, "limited", null));

    assertEquals(2, counter("chainmail.timeout.timed.out.attempts", "method", ANSWER).count());
    assertEquals(1, counter("chainmail.bulkhead.rejected.calls", "name", "pool").count());
    assertEquals(1, counter("chainmail.ratelimiter.rejected.calls", "name", SEARCH).count());
  }

  @Test
  void replicaEventsAreCountedPerMethodAndReplica() {
    metrics.onReplicaEjected(ANSWER, 0, new IOException("down"));
    metrics.onReplicaEjected(ANSWER, 1, new IllegalStateException("probe returned false"));
    metrics.onReplicaEjected(ANSWER, 1, new IllegalStateException("probe returned false"));
    metrics.onReplicaReadmitted(ANSWER, 1);
    metrics.onReplicaRestarted("com.example.Answerer", 0);

    assertEquals(1, counter("chainmail.replica.ejections",
        "method", ANSWER, "replica", "0", "exception", "IOException").count());
    assertEquals(2, counter("chainmail.replica.ejections",
        "method", ANSWER, "replica", "1", "exception", "IllegalStateException").count());
    assertEquals(1, counter("chainmail.replica.readmissions", "method", ANSWER, "replica", "1").count());
    assertEquals(1, counter("chainmail.replica.restarts",
        "method", "com.example.Answerer", "replica", "0").count());
  }

  @Test
  void hedgesAreCountedBySentAndWon() {
    metrics.onHedgeSent(ANSWER, 1, 0);
    metrics.onHedgeSent(ANSWER, 1, 0);
    metrics.onHedgeWon(ANSWER, 1, 0);

    assertEquals(2, counter("chainmail.replica.hedges", "method", ANSWER, "replica", "1", "outcome", "sent").count());
    assertEquals(1, counter("chainmail.replica.hedges", "method", ANSWER, "replica", "1", "outcome", "won").count());
  }

  @Test
  void everyMeterCarriesTheCommonTagsAndADescriptionAndFollowsMicrometersNaming() {
    SimpleMeterRegistry tagged = new SimpleMeterRegistry();
    ChainmailMetrics withTags = new ChainmailMetrics(tagged, Tags.of("application", "research"));

    Events.fireEach(withTags, ANSWER);

    assertEquals(17, tagged.getMeters().size(), "11 counters, 1 timer, 5 state gauges");
    for (Meter meter : tagged.getMeters()) {
      Meter.Id id = meter.getId();
      assertEquals("research", id.getTag("application"), id.toString());
      assertNotNull(id.getDescription(), id.toString());
      assertTrue(id.getName().matches("chainmail(\\.[a-z]+)+"), id.getName());
    }
  }

  @Test
  void theSameTagsReachTheSameCounter() {
    metrics.onFallback(ANSWER, new IOException("1"));
    Counter first = counter("chainmail.fallback.calls", "method", ANSWER, "exception", "IOException");

    metrics.onFallback(ANSWER, new IOException("2"));

    assertSame(first, counter("chainmail.fallback.calls", "method", ANSWER, "exception", "IOException"));
    assertEquals(2, first.count());
  }

  @Test
  void concurrentEventsAreAllCounted() throws InterruptedException {
    int threads = 4;
    int each = 10_000;
    Thread[] workers = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      String method = t % 2 == 0 ? ANSWER : SEARCH;
      workers[t] = new Thread(() -> {
        for (int i = 0; i < each; i++) {
          metrics.onRetry(method, 1, new IllegalStateException(), MS);
        }
      });
    }
    for (Thread worker : workers) {
      worker.start();
    }
    for (Thread worker : workers) {
      worker.join();
    }

    for (String method : List.of(ANSWER, SEARCH)) {
      assertEquals(2.0 * each, counter("chainmail.retry.failed.attempts",
          "method", method, "kind", "retried", "exception", "IllegalStateException").count());
      assertEquals(2L * each, registry.get("chainmail.retry.pause").tag("method", method).timer().count());
    }
  }

  @Test
  void nullArgumentsToTheConstructorsAreRejected() {
    assertThrows(NullPointerException.class, () -> new ChainmailMetrics(null));
    assertThrows(NullPointerException.class, () -> new ChainmailMetrics(registry, null));
    assertThrows(NullPointerException.class,
        () -> new ChainmailMetrics(registry, Arrays.asList(Tag.of("a", "b"), null)));
  }

  @Test
  void aCommonTagThatWouldReplaceAMetersOwnIsRejected() {
    IllegalArgumentException rejected = assertThrows(IllegalArgumentException.class,
        () -> new ChainmailMetrics(registry, Tags.of("method", "all")));

    assertEquals("common tag 'method' would replace the meters' own tag of that key; use another key",
        rejected.getMessage());
  }

  /** Reflection in a test only: a new event added to the SPI must not be left to the default no-op here. */
  @Test
  void everyListenerEventIsOverridden() throws NoSuchMethodException {
    for (Method event : ChainmailListener.class.getDeclaredMethods()) {
      if (event.isDefault()) {
        Method own = ChainmailMetrics.class.getMethod(event.getName(), event.getParameterTypes());
        assertEquals(ChainmailMetrics.class, own.getDeclaringClass(), event.getName());
      }
    }
  }

  private Counter counter(String name, String... tags) {
    return MeterAssertions.only(registry, name, Counter.class, Tags.of(tags));
  }
}
