package dev.chainmail.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompositeListenerTest {

  /** Writes each event it hears as one line, prefixed with its name. */
  private static final class Log implements ChainmailListener {
    private final String name;
    private final List<String> lines;

    Log(String name, List<String> lines) {
      this.name = name;
      this.lines = lines;
    }

    @Override
    public void onRetry(String method, int attempt, Throwable failure, long pauseNanos) {
      lines.add(name + " retry " + method + " " + attempt + " " + pauseNanos);
    }

    @Override
    public void onRetriesExhausted(String method, int attempts, Throwable failure) {
      lines.add(name + " exhausted " + method + " " + attempts);
    }

    @Override
    public void onFallback(String method, Throwable failure) {
      lines.add(name + " fallback " + method);
    }

    @Override
    public void onStateChange(String breaker, CircuitBreakerPolicy.State from, CircuitBreakerPolicy.State to) {
      lines.add(name + " state " + breaker + " " + from + " " + to);
    }

    @Override
    public void onCallNotPermitted(String breaker, CircuitBreakerOpenException rejection) {
      lines.add(name + " not permitted " + breaker);
    }

    @Override
    public void onTimeout(String method, TimeoutExceededException timeout) {
      lines.add(name + " timeout " + method);
    }

    @Override
    public void onBulkheadFull(String bulkhead, BulkheadFullException rejection) {
      lines.add(name + " full " + bulkhead);
    }

    @Override
    public void onRateLimited(String limiter, RateLimitedException rejection) {
      lines.add(name + " limited " + limiter);
    }

    @Override
    public void onReplicaEjected(String method, int replica, Throwable failure) {
      lines.add(name + " ejected " + method + " " + replica);
    }

    @Override
    public void onReplicaReadmitted(String method, int replica) {
      lines.add(name + " readmitted " + method + " " + replica);
    }

    @Override
    public void onReplicaRestarted(String method, int replica) {
      lines.add(name + " restarted " + method + " " + replica);
    }
  }

  @Test
  void everyListenerHearsEveryEventInOrder() {
    List<String> lines = new ArrayList<>();
    ChainmailListener both = ChainmailListener.of(List.of(new Log("a", lines), new Log("b", lines)));
    IOException down = new IOException("down");
    both.onRetry("m", 1, down, 5);
    both.onRetriesExhausted("m", 3, down);
    both.onFallback("m", down);
    both.onStateChange("m", CircuitBreakerPolicy.State.CLOSED, CircuitBreakerPolicy.State.OPEN);
    both.onCallNotPermitted("m", new CircuitBreakerOpenException("m", "m: open", null));
    both.onTimeout("m", new TimeoutExceededException("m", "m: late", null));
    both.onBulkheadFull("m", new BulkheadFullException("m", "m: full", null));
    both.onRateLimited("m", new RateLimitedException("m", "m: limited", null));
    both.onReplicaEjected("m", 2, down);
    both.onReplicaReadmitted("m", 2);
    both.onReplicaRestarted("m", 2);
    assertEquals(List.of("a retry m 1 5", "b retry m 1 5", "a exhausted m 3", "b exhausted m 3", "a fallback m",
        "b fallback m", "a state m CLOSED OPEN", "b state m CLOSED OPEN", "a not permitted m", "b not permitted m",
        "a timeout m", "b timeout m", "a full m", "b full m", "a limited m", "b limited m", "a ejected m 2",
        "b ejected m 2", "a readmitted m 2", "b readmitted m 2", "a restarted m 2", "b restarted m 2"), lines);
  }

  /**
   * A new event in the SPI that the composite forgets to pass on would be heard by nobody, and one the flight
   * recorder forgets would be missing from JFR: this catches both.
   */
  @Test
  void theCompositeAndTheFlightRecorderOverrideEveryEventOfTheInterface() throws NoSuchMethodException {
    for (Class<?> listener : List.of(CompositeListener.class, FlightRecorderListener.class)) {
      for (Method event : ChainmailListener.class.getDeclaredMethods()) {
        if (Modifier.isStatic(event.getModifiers())) {
          continue;
        }
        Method own = listener.getMethod(event.getName(), event.getParameterTypes());
        assertEquals(listener, own.getDeclaringClass(), event + " is not handled by " + listener.getSimpleName());
      }
    }
  }

  @Test
  void noneOrOneNeedNoComposite() {
    assertSame(ChainmailListener.NONE, ChainmailListener.of(List.of()));
    ChainmailListener one = new Log("a", new ArrayList<>());
    assertSame(one, ChainmailListener.of(List.of(one)));
    assertThrows(NullPointerException.class, () -> ChainmailListener.of(Arrays.asList(one, null)));
    assertThrows(NullPointerException.class, () -> ChainmailListener.of(null));
  }

  @Test
  void aContextTakesSeveralListeners() {
    List<String> lines = new ArrayList<>();
    VirtualTime time = new VirtualTime();
    ChainmailContext context = ChainmailContext.builder().clock(time).sleeper(time)
        .listeners(List.of(new Log("a", lines), new Log("b", lines))).build();
    RetryPolicy retry = RetryPolicy.builder("p.X/m").maxAttempts(2).build(context);
    retry.pauseBeforeRetry(1, new IOException("down"));
    assertEquals(List.of("a retry p.X/m 1 0", "b retry p.X/m 1 0"), lines);
  }
}
