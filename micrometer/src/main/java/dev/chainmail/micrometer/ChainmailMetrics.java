package dev.chainmail.micrometer;

import dev.chainmail.runtime.BulkheadFullException;
import dev.chainmail.runtime.ChainmailListener;
import dev.chainmail.runtime.CircuitBreakerOpenException;
import dev.chainmail.runtime.CircuitBreakerPolicy;
import dev.chainmail.runtime.RateLimitedException;
import dev.chainmail.runtime.TimeoutExceededException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A listener that publishes the guards' events to a Micrometer {@link MeterRegistry}: counters of retries,
 * fallbacks, breaker transitions and rejections, timeouts, bulkhead and rate-limit rejections and replica events, a
 * timer of retry pauses, and a gauge of each breaker's state. Pass it to
 * {@link dev.chainmail.runtime.ChainmailContext.Builder#listener} (or, beside other listeners, {@code listeners}).
 *
 * <table>
 *   <caption>The meters</caption>
 *   <tr><th>name</th><th>type</th><th>tags</th><th>counts or shows</th></tr>
 *   <tr><td>{@code chainmail.retry.failed.attempts}</td><td>counter</td><td>{@code method}, {@code kind},
 *       {@code exception}</td><td>failed attempts that {@code retryOn} accepts: {@code kind=retried} when another
 *       attempt follows, {@code kind=exhausted} when none does</td></tr>
 *   <tr><td>{@code chainmail.retry.pause}</td><td>timer</td><td>{@code method}</td><td>the pauses before
 *       retries</td></tr>
 *   <tr><td>{@code chainmail.fallback.calls}</td><td>counter</td><td>{@code method}, {@code exception}</td>
 *       <td>failures a fallback method answered</td></tr>
 *   <tr><td>{@code chainmail.circuitbreaker.state}</td><td>gauge</td><td>{@code name}, {@code state}</td>
 *       <td>1 for the breaker's current state, 0 for the four others</td></tr>
 *   <tr><td>{@code chainmail.circuitbreaker.transitions}</td><td>counter</td><td>{@code name}, {@code from},
 *       {@code to}</td><td>changes of state</td></tr>
 *   <tr><td>{@code chainmail.circuitbreaker.not.permitted.calls}</td><td>counter</td><td>{@code name}</td>
 *       <td>calls the breaker rejected</td></tr>
 *   <tr><td>{@code chainmail.timeout.timed.out.attempts}</td><td>counter</td><td>{@code method}</td>
 *       <td>attempts that outlived their {@code @Timeout}</td></tr>
 *   <tr><td>{@code chainmail.bulkhead.rejected.calls}</td><td>counter</td><td>{@code name}</td><td>calls the
 *       bulkhead rejected</td></tr>
 *   <tr><td>{@code chainmail.ratelimiter.rejected.calls}</td><td>counter</td><td>{@code name}</td><td>calls the
 *       rate limiter rejected</td></tr>
 *   <tr><td>{@code chainmail.replica.ejections}</td><td>counter</td><td>{@code method}, {@code replica},
 *       {@code exception}</td><td>replicas ejected</td></tr>
 *   <tr><td>{@code chainmail.replica.readmissions}</td><td>counter</td><td>{@code method}, {@code replica}</td>
 *       <td>ejected replicas healthy again</td></tr>
 *   <tr><td>{@code chainmail.replica.restarts}</td><td>counter</td><td>{@code method}, {@code replica}</td>
 *       <td>replicas re-created by their factory</td></tr>
 *   <tr><td>{@code chainmail.replica.hedges}</td><td>counter</td><td>{@code method}, {@code replica},
 *       {@code outcome}</td><td>hedges of {@code HEDGED} calls: {@code sent}, and those that {@code won}</td></tr>
 * </table>
 *
 * <p><b>Tags.</b> {@code method} is the guarded method as {@code com.example.ResearchChain/answer}. {@code name} is
 * the breaker's, bulkhead's or rate limiter's name if it has one, else its guarded method, as the listener events
 * carry it (for the guard of one replica, {@code name#1} or {@code com.example.Answerer/answer[1]}).
 * {@code exception} is the simple name of the failure's class (its full name for an anonymous class). {@code state},
 * {@code from} and {@code to} are a {@link CircuitBreakerPolicy.State} in lower case, such as {@code half_open}.
 * {@code replica} is the replica's index, from 0. Every meter also carries the common tags given to the
 * constructor, and every meter of one name carries the same tag keys.
 *
 * <p><b>When meters appear.</b> Each meter is registered at the first event that needs it, so a guard that never
 * failed has none. A breaker's five state gauges are registered at its first transition and then show the state
 * that the latest reported transition led to; transitions that race on several threads may be reported out of
 * order, so for an exact state, and for gauges that exist before the first transition, bind the breaker with
 * {@link #bindCircuitBreaker}.
 *
 * <p>Calls that succeed at their first attempt are not counted, since the guards report nothing then: the meters
 * count failures, not traffic. Once its meters exist, an event allocates one small lookup key (and, for a replica
 * event, the index as a string), nothing else.
 *
 * <p>This class is thread-safe.
 */
public final class ChainmailMetrics implements ChainmailListener {

  private static final String[] STATE_TAGS = stateTags();
  private static final Set<String> OWN_TAG_KEYS =
      Set.of("method", "name", "kind", "exception", "state", "from", "to", "replica");

  private final MeterRegistry registry;
  private final Tags commonTags;
  private final CounterFamily retryAttempts;
  private final CounterFamily fallbacks;
  private final CounterFamily transitions;
  private final CounterFamily notPermitted;
  private final CounterFamily timeouts;
  private final CounterFamily bulkheadRejections;
  private final CounterFamily rateLimiterRejections;
  private final CounterFamily ejections;
  private final CounterFamily readmissions;
  private final CounterFamily restarts;
  private final CounterFamily hedges;
  private final ConcurrentHashMap<String, Timer> pauses = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, BreakerState> breakers = new ConcurrentHashMap<>();

  /**
   * Publishes to {@code registry}, with no common tags.
   *
   * @param registry where the meters are registered
   * @throws NullPointerException if {@code registry} is null
   */
  public ChainmailMetrics(MeterRegistry registry) {
    this(registry, Tags.empty());
  }

  /**
   * Publishes to {@code registry}, adding {@code tags} to every meter.
   *
   * @param registry where the meters are registered
   * @param tags the tags every meter carries, copied
   * @throws NullPointerException if {@code registry}, {@code tags} or any of the tags is null
   * @throws IllegalArgumentException if a tag's key is one of the meters' own: {@code method}, {@code name},
   *     {@code kind}, {@code exception}, {@code state}, {@code from}, {@code to} or {@code replica}
   */
  public ChainmailMetrics(MeterRegistry registry, Iterable<Tag> tags) {
    this.registry = Objects.requireNonNull(registry, "registry");
    for (Tag tag : Objects.requireNonNull(tags, "tags")) {
      Objects.requireNonNull(tag, "tags contains null");
      if (OWN_TAG_KEYS.contains(tag.getKey())) {
        throw new IllegalArgumentException("common tag '" + tag.getKey() + "' would replace the meters' own tag of"
            + " that key; use another key");
      }
    }
    this.commonTags = Tags.of(tags);
    this.retryAttempts = family("chainmail.retry.failed.attempts",
        "Failed attempts that retryOn accepts: retried when another attempt follows, exhausted when none does",
        "method", "kind", "exception");
    this.fallbacks = family("chainmail.fallback.calls", "Failures a fallback method answered",
        "method", "exception");
    this.transitions = family("chainmail.circuitbreaker.transitions", "Changes of a circuit breaker's state",
        "name", "from", "to");
    this.notPermitted = family("chainmail.circuitbreaker.not.permitted.calls",
        "Calls a circuit breaker rejected without calling the target", "name");
    this.timeouts = family("chainmail.timeout.timed.out.attempts", "Attempts that outlived their @Timeout",
        "method");
    this.bulkheadRejections = family("chainmail.bulkhead.rejected.calls",
        "Calls a bulkhead rejected: no permit came within maxWait, or the caller was interrupted", "name");
    this.rateLimiterRejections = family("chainmail.ratelimiter.rejected.calls",
        "Calls a rate limiter rejected: the next permit lay past maxWait, or the caller was interrupted", "name");
    this.ejections = family("chainmail.replica.ejections", "Replicas ejected from their set",
        "method", "replica", "exception");
    this.readmissions = family("chainmail.replica.readmissions", "Ejected replicas that answered again",
        "method", "replica");
    this.restarts = family("chainmail.replica.restarts", "Replicas re-created by their factory",
        "method", "replica");
    this.hedges = family("chainmail.replica.hedges", "Hedges of hedged calls: sent, and those that won",
        "method", "replica", "outcome");
  }

  private CounterFamily family(String name, String description, String... tagKeys) {
    return new CounterFamily(registry, commonTags, name, description, tagKeys);
  }

  /**
   * Registers the state gauges of {@code breaker} now, if they do not exist yet, and makes them read its state live
   * at each publication from now on, rather than from reported transitions. The gauges are those of the name its
   * events carry: {@link CircuitBreakerPolicy#name()} if not empty, else {@link CircuitBreakerPolicy#method()}. A
   * breaker bound later under the same name replaces this one; until then, this object holds a reference to it.
   *
   * <p>An open breaker turns half-open only when a call arrives after its delay, so the gauges show
   * {@code open} until then.
   *
   * @param breaker a proxy's breaker, as {@code proxy.circuitBreaker("answer")} returns it
   * @throws NullPointerException if {@code breaker} is null
   */
  public void bindCircuitBreaker(CircuitBreakerPolicy breaker) {
    String name = breaker.name().isEmpty() ? breaker.method() : breaker.name();
    breakerState(name, breaker.state()).bind(breaker);
  }

  @Override
  public void onRetry(String method, int attempt, Throwable failure, long pauseNanos) {
    retryAttempts.counter(method, "retried", exceptionTag(failure)).increment();
    Timer pause = pauses.get(method);
    if (pause == null) {
      pause = pauses.computeIfAbsent(method, this::pauseTimer);
    }
    pause.record(pauseNanos, TimeUnit.NANOSECONDS);
  }

  private Timer pauseTimer(String method) {
    return Timer.builder("chainmail.retry.pause").description("Pauses before retries").tags(commonTags)
        .tag("method", method).register(registry);
  }

  @Override
  public void onRetriesExhausted(String method, int attempts, Throwable failure) {
    retryAttempts.counter(method, "exhausted", exceptionTag(failure)).increment();
  }

  @Override
  public void onFallback(String method, Throwable failure) {
    fallbacks.counter(method, exceptionTag(failure)).increment();
  }

  @Override
  public void onStateChange(String breaker, CircuitBreakerPolicy.State from, CircuitBreakerPolicy.State to) {
    transitions.counter(breaker, STATE_TAGS[from.ordinal()], STATE_TAGS[to.ordinal()]).increment();
    breakerState(breaker, to).report(to);
  }

  @Override
  public void onCallNotPermitted(String breaker, CircuitBreakerOpenException rejection) {
    notPermitted.counter(breaker).increment();
  }

  @Override
  public void onTimeout(String method, TimeoutExceededException timeout) {
    timeouts.counter(method).increment();
  }

  @Override
  public void onBulkheadFull(String bulkhead, BulkheadFullException rejection) {
    bulkheadRejections.counter(bulkhead).increment();
  }

  @Override
  public void onRateLimited(String limiter, RateLimitedException rejection) {
    rateLimiterRejections.counter(limiter).increment();
  }

  @Override
  public void onReplicaEjected(String method, int replica, Throwable failure) {
    ejections.counter(method, Integer.toString(replica), exceptionTag(failure)).increment();
  }

  @Override
  public void onReplicaReadmitted(String method, int replica) {
    readmissions.counter(method, Integer.toString(replica)).increment();
  }

  @Override
  public void onReplicaRestarted(String method, int replica) {
    restarts.counter(method, Integer.toString(replica)).increment();
  }

  @Override
  public void onHedgeSent(String method, int replica, int waitingOn) {
    hedges.counter(method, Integer.toString(replica), "sent").increment();
  }

  @Override
  public void onHedgeWon(String method, int replica, int first) {
    hedges.counter(method, Integer.toString(replica), "won").increment();
  }

  /** Returns the state of the breaker called {@code name}, registering its gauges first if it has none. */
  private BreakerState breakerState(String name, CircuitBreakerPolicy.State initial) {
    BreakerState state = breakers.get(name);
    return state != null ? state : breakers.computeIfAbsent(name, key -> registerStateGauges(key, initial));
  }

  private BreakerState registerStateGauges(String name, CircuitBreakerPolicy.State initial) {
    BreakerState holder = new BreakerState(initial);
    for (CircuitBreakerPolicy.State state : CircuitBreakerPolicy.State.values()) {
      // The gauge holds its object weakly; the map of breakers holds it for as long as this listener lives.
      Gauge.builder("chainmail.circuitbreaker.state", holder, h -> h.current() == state ? 1 : 0)
          .description("1 for the circuit breaker's current state, 0 for the others")
          .tags(commonTags).tag("name", name).tag("state", STATE_TAGS[state.ordinal()])
          .register(registry);
    }
    return holder;
  }

  /** Micrometer's habit: the simple class name, or the full name where that is empty. */
  private static String exceptionTag(Throwable failure) {
    if (failure == null) {
      return "none";
    }
    String simple = failure.getClass().getSimpleName();
    return simple.isEmpty() ? failure.getClass().getName() : simple;
  }

  private static String[] stateTags() {
    CircuitBreakerPolicy.State[] states = CircuitBreakerPolicy.State.values();
    String[] tags = new String[states.length];
    for (CircuitBreakerPolicy.State state : states) {
      tags[state.ordinal()] = state.name().toLowerCase(Locale.ROOT);
    }
    return tags;
  }
}
