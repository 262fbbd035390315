package dev.chainmail.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainmail.runtime.ChainmailConfig;
import dev.chainmail.runtime.ChainmailContext;
import dev.chainmail.runtime.ChainmailListener;
import dev.chainmail.runtime.CircuitBreakerOpenException;
import dev.chainmail.runtime.CircuitBreakerPolicy;
import dev.chainmail.runtime.ConfigurationException;
import dev.chainmail.runtime.RateLimitedException;
import dev.chainmail.runtime.TimeoutExceededException;
import dev.chainmail.runtime.VirtualTime;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code @CircuitBreaker} through real proxies, in virtual time. */
class CircuitBreakerBehaviourTest {

  private static final long SECOND = 1_000_000_000L;
  private static final String GUARDED = "dev.chainmail.behaviour.BreakerChain/guarded";

  private final VirtualTime time = new VirtualTime();
  private final ChainmailContext context = ChainmailContext.builder().clock(time).sleeper(time).build();

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  private ResilientBreakerChain chain() {
    return new ResilientBreakerChain(context);
  }

  private static void failOnce(ResilientBreakerChain chain) {
    chain.script.failWith(new IllegalStateException("down"));
    assertThrows(IllegalStateException.class, chain::guarded);
  }

  /** Opens the 4-call breaker of guarded(): failure, success, success, failure. */
  private static void open(ResilientBreakerChain chain) {
    failOnce(chain);
    chain.guarded();
    chain.guarded();
    failOnce(chain);
  }

  @Test
  void opensOnceTheFullWindowReachesTheFailureRatio() {
    ResilientBreakerChain chain = chain();
    open(chain);

    CircuitBreakerOpenException open = assertThrows(CircuitBreakerOpenException.class, chain::guarded);

    assertEquals(4, chain.script.calls(), "an open breaker does not call the method");
    assertTrue(open.getMessage().contains(GUARDED), open.getMessage());
    assertEquals(CircuitBreakerPolicy.State.OPEN, chain.circuitBreaker("guarded").state());
  }

  @Test
  void judgesNothingUntilTheWindowIsFull() {
    ResilientBreakerChain chain = chain();
    failOnce(chain);
    failOnce(chain);
    failOnce(chain);

    assertEquals("guarded#4", chain.guarded(), "three failures of three do not fill a window of four");
  }

  @Test
  void staysClosedBelowTheRatio() {
    ResilientBreakerChain chain = chain();
    failOnce(chain);
    chain.guarded();
    chain.guarded();
    chain.guarded();
    failOnce(chain);

    assertEquals("guarded#6", chain.guarded(), "one failure in the last four calls is under 0.5");
  }

  @Test
  void turnsHalfOpenAfterTheDelayAndClosesWhenEveryTrialSucceeds() {
    ResilientBreakerChain chain = chain();
    open(chain);
    time.advance(10 * SECOND - 1);
    assertThrows(CircuitBreakerOpenException.class, chain::guarded);

    time.advance(1);
    assertEquals("guarded#5", chain.guarded());
    assertEquals(CircuitBreakerPolicy.State.HALF_OPEN, chain.circuitBreaker("guarded").state());
    assertEquals("guarded#6", chain.guarded());

    assertEquals(CircuitBreakerPolicy.State.CLOSED, chain.circuitBreaker("guarded").state());
    failOnce(chain);
    failOnce(chain);
    assertEquals("guarded#9", chain.guarded(), "the window was emptied when the breaker closed");
  }

  @Test
  void aFailedTrialReopensForAnotherDelay() {
    ResilientBreakerChain chain = chain();
    open(chain);
    time.advance(10 * SECOND);

    failOnce(chain);

    assertEquals(CircuitBreakerPolicy.State.OPEN, chain.circuitBreaker("guarded").state());
    assertThrows(CircuitBreakerOpenException.class, chain::guarded);
    time.advance(10 * SECOND);
    assertEquals("guarded#6", chain.guarded());
  }

  @Test
  void callsBeyondTheTrialsAreRejectedWhileHalfOpen() {
    ResilientBreakerChain chain = chain();
    open(chain);
    time.advance(10 * SECOND);
    List<Object> nested = new ArrayList<>();
    int[] depth = {0};
    chain.during = () -> {
      if (depth[0]++ < 2) {
        try {
          nested.add(chain.guarded());
        } catch (CircuitBreakerOpenException e) {
          nested.add(e);
        }
      }
    };

    assertEquals("guarded#6", chain.guarded(), "the first trial returns once the second has run within it");

    assertEquals(2, nested.size());
    assertInstanceOf(CircuitBreakerOpenException.class, nested.get(0), "the third call in flight is rejected");
    assertEquals("guarded#6", nested.get(1), "the second trial is let through");
    assertEquals(CircuitBreakerPolicy.State.CLOSED, chain.circuitBreaker("guarded").state());
  }

  @Test
  void failOnAndSkipOnDecideWhatCounts() throws IOException {
    ResilientBreakerChain chain = chain();
    chain.script.failWith(new FileNotFoundException("skipped"), new IllegalStateException("not in failOn"),
        new IOException("counted"), new FileNotFoundException("skipped"));
    for (int i = 0; i < 4; i++) {
      assertThrows(Exception.class, chain::classified);
    }
    assertEquals("classified#5", chain.classified(), "skipped and unlisted failures count as successes");

    chain.script.failWith(new IOException("1"), new IOException("2"));
    assertThrows(IOException.class, chain::classified);
    assertThrows(IOException.class, chain::classified);
    assertThrows(CircuitBreakerOpenException.class, chain::classified);
  }

  @Test
  void rejectionsOfTheRateLimiterBeneathCountAsFailures() {
    ResilientBreakerChain chain = chain();
    chain.limited();
    assertThrows(RateLimitedException.class, chain::limited);
    assertThrows(RateLimitedException.class, chain::limited);

    assertThrows(CircuitBreakerOpenException.class, chain::limited);
    assertEquals(1, chain.script.calls());
  }

  @Test
  void skipOnKeepsRateLimiterRejectionsFromOpeningTheBreaker() {
    ResilientBreakerChain chain = chain();
    chain.limitedSkipped();
    for (int i = 0; i < 5; i++) {
      assertThrows(RateLimitedException.class, chain::limitedSkipped);
    }
    assertEquals(CircuitBreakerPolicy.State.CLOSED, chain.circuitBreaker("limitedSkipped").state());
  }

  @Test
  void timeoutsBeneathCountAsFailures() {
    ResilientBreakerChain chain = chain();
    BreakerChain.VirtualClockStep late = () -> time.advance(2 * SECOND);
    assertThrows(TimeoutExceededException.class, () -> chain.timed(late));
    assertThrows(TimeoutExceededException.class, () -> chain.timed(late));

    assertThrows(CircuitBreakerOpenException.class, () -> chain.timed(() -> { }));
  }

  @Test
  void slowSuccessesCountTowardOpening() {
    ResilientBreakerChain chain = chain();
    assertEquals("slow#1", chain.slow(() -> time.advance(3 * SECOND)));
    assertEquals("slow#2", chain.slow(() -> time.advance(3 * SECOND)));

    assertThrows(CircuitBreakerOpenException.class, () -> chain.slow(() -> { }));
  }

  @Test
  void fastSuccessesAreNotSlow() {
    ResilientBreakerChain chain = chain();
    for (int i = 1; i <= 4; i++) {
      assertEquals("slow#" + i, chain.slow(() -> time.advance(SECOND)));
    }
  }

  @Test
  void aNamedBreakerIsSharedByMethodsAndProxiesOfOneContext() {
    ResilientBreakerChain chain = chain();
    ResilientBreakerChain other = chain();
    chain.script.failWith(new IllegalStateException("1"), new IllegalStateException("2"));
    assertThrows(IllegalStateException.class, chain::sharedOne);
    assertThrows(IllegalStateException.class, chain::sharedOne);

    assertThrows(CircuitBreakerOpenException.class, chain::sharedTwo);
    assertThrows(CircuitBreakerOpenException.class, other::sharedOne);
    assertSame(chain.circuitBreaker("sharedOne"), other.circuitBreaker("sharedTwo"));
    assertEquals("sharedOne#1", new ResilientBreakerChain(ChainmailContext.builder().build()).sharedOne(),
        "another context has breakers of its own");
  }

  @Test
  void unnamedBreakersBelongToOneProxy() {
    ResilientBreakerChain chain = chain();
    open(chain);
    assertEquals("guarded#1", chain().guarded());
  }

  @Test
  void theAccessorForcesAndResetsABreaker() {
    ResilientBreakerChain chain = chain();
    CircuitBreakerPolicy breaker = chain.circuitBreaker("guarded");

    breaker.forceOpen();
    assertThrows(CircuitBreakerOpenException.class, chain::guarded);
    time.advance(60 * SECOND);
    assertThrows(CircuitBreakerOpenException.class, chain::guarded, "forced open ignores the delay");

    breaker.forceClosed();
    for (int i = 0; i < 6; i++) {
      failOnce(chain);
    }
    assertEquals(CircuitBreakerPolicy.State.FORCED_CLOSED, breaker.state());

    breaker.reset();
    assertEquals(CircuitBreakerPolicy.State.CLOSED, breaker.state());
    open(chain);
    assertEquals(CircuitBreakerPolicy.State.OPEN, breaker.state());
  }

  @Test
  void theAccessorNamesTheMethodsWithABreaker() {
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> chain().circuitBreaker("missing"));
    assertTrue(unknown.getMessage().contains("'missing'"), unknown.getMessage());
    assertTrue(unknown.getMessage().contains("guarded, classified, limited"), unknown.getMessage());
  }

  @Test
  void configOverridesTheWindow() {
    ChainmailContext configured = ChainmailContext.builder().clock(time).sleeper(time)
        .config(ChainmailConfig.of(Map.of(GUARDED + "/CircuitBreaker/requestVolumeThreshold", "1",
            GUARDED + "/CircuitBreaker/failureRatio", "1.0")))
        .build();
    ResilientBreakerChain chain = new ResilientBreakerChain(configured);
    failOnce(chain);

    assertThrows(CircuitBreakerOpenException.class, chain::guarded);
  }

  @Test
  void aBadOverrideFailsConstructionNamingTheKey() {
    ChainmailContext configured = ChainmailContext.builder()
        .config(ChainmailConfig.of(Map.of(GUARDED + "/CircuitBreaker/failureRatio", "2")))
        .build();
    ConfigurationException bad = assertThrows(ConfigurationException.class,
        () -> new ResilientBreakerChain(configured));
    assertTrue(bad.getMessage().contains(GUARDED + "/CircuitBreaker/failureRatio"), bad.getMessage());
  }

  @Test
  void aSharedNameWithAnotherConfigurationFailsConstruction() {
    ChainmailContext configured = ChainmailContext.builder()
        .config(ChainmailConfig.of(Map.of(
            "dev.chainmail.behaviour.BreakerChain/sharedTwo/CircuitBreaker/requestVolumeThreshold", "7")))
        .build();
    ConfigurationException clash = assertThrows(ConfigurationException.class,
        () -> new ResilientBreakerChain(configured));
    assertTrue(clash.getMessage().contains("shared"), clash.getMessage());
    assertTrue(clash.getMessage().contains("requestVolumeThreshold=2"), clash.getMessage());
    assertTrue(clash.getMessage().contains("requestVolumeThreshold=7"), clash.getMessage());
  }

  @Test
  void theListenerHearsEveryChangeOfState() {
    List<String> changes = new ArrayList<>();
    ChainmailContext listened = ChainmailContext.builder().clock(time).sleeper(time)
        .listener(new ChainmailListener() {
          @Override
          public void onStateChange(String breaker, CircuitBreakerPolicy.State from, CircuitBreakerPolicy.State to) {
            changes.add(breaker + ": " + from + " -> " + to);
          }
        })
        .build();
    ResilientBreakerChain chain = new ResilientBreakerChain(listened);
    open(chain);
    time.advance(10 * SECOND);
    chain.guarded();
    chain.guarded();

    assertEquals(List.of(GUARDED + ": CLOSED -> OPEN", GUARDED + ": OPEN -> HALF_OPEN",
        GUARDED + ": HALF_OPEN -> CLOSED"), changes);
  }
}
