package dev.chainmail.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Guards shared by name within a context. */
class SharedGuardsTest {

  private static final String A = "com.example.Chain/answer";
  private static final String B = "com.example.Other/search";

  private final ChainmailContext context = ChainmailContext.builder().build();

  @Test
  void aNameSharesOneBreakerAcrossMethods() {
    CircuitBreakerPolicy first = CircuitBreakerPolicy.builder(A).name("llm").build(context);
    CircuitBreakerPolicy second = CircuitBreakerPolicy.builder(B).name("llm").build(context);
    assertSame(first, second);
    assertEquals(A, second.method(), "the method that registered it");
    first.forceOpen();
    CircuitBreakerOpenException e = assertThrows(CircuitBreakerOpenException.class, second::acquire);
    assertEquals(A, e.method());
  }

  @Test
  void unnamedGuardsAreNeverShared() {
    assertNotSame(CircuitBreakerPolicy.builder(A).build(context), CircuitBreakerPolicy.builder(A).build(context));
    assertNotSame(BulkheadPolicy.builder(A).build(context), BulkheadPolicy.builder(A).build(context));
    assertNotSame(RateLimitPolicy.builder(A).build(context), RateLimitPolicy.builder(A).build(context));
  }

  @Test
  void eachBuiltContextHasItsOwnGuards() {
    CircuitBreakerPolicy first = CircuitBreakerPolicy.builder(A).name("llm").build(context);
    CircuitBreakerPolicy other = CircuitBreakerPolicy.builder(A).name("llm").build(ChainmailContext.builder().build());
    assertNotSame(first, other);
  }

  @Test
  void theDefaultContextSharesJvmWide() {
    String name = "shared-" + System.nanoTime();
    BulkheadPolicy first = BulkheadPolicy.builder(A).name(name).build(ChainmailContext.defaults());
    assertSame(first, BulkheadPolicy.builder(B).name(name).build(ChainmailContext.defaults()));
  }

  @Test
  void anotherConfigurationUnderTheNameIsRefusedNamingBoth() {
    CircuitBreakerPolicy.builder(A).name("llm").failureRatio(0.5).build(context);
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> CircuitBreakerPolicy.builder(B).name("llm").failureRatio(0.25).build(context));
    assertEquals("com.example.Other/search: the circuit breaker named 'llm' is already registered by "
        + "com.example.Chain/answer as CircuitBreakerPolicy[llm: requestVolumeThreshold=20, failureRatio=0.5, "
        + "delay=5s, successThreshold=1, window=COUNT, minimumCalls=20, slowCallThreshold=none, slowCallRatio=1.0], "
        + "but this method configures it as CircuitBreakerPolicy[llm: requestVolumeThreshold=20, "
        + "failureRatio=0.25, delay=5s, successThreshold=1, window=COUNT, minimumCalls=20, "
        + "slowCallThreshold=none, slowCallRatio=1.0]; guards that share a name must be configured alike, or have "
        + "different names", e.getMessage());
  }

  @Test
  void overridesApplyBeforeTheComparison() {
    ChainmailContext configured = ChainmailContext.builder()
        .config(ChainmailConfig.of(Map.of(B + "/CircuitBreaker/delay", "10s"))).build();
    CircuitBreakerPolicy.builder(A).name("llm").build(configured);
    assertThrows(ConfigurationException.class, () -> CircuitBreakerPolicy.builder(B).name("llm").build(configured));
    CircuitBreakerPolicy.builder(A).name("slow").delay("10s").build(configured);
    CircuitBreakerPolicy.builder(B).name("slow").build(configured);
  }

  @Test
  void bulkheadsAndLimitersShareByNameToo() {
    BulkheadPolicy bulkhead = BulkheadPolicy.builder(A).name("db").maxConcurrent(3).build(context);
    assertSame(bulkhead, BulkheadPolicy.builder(B).name("db").maxConcurrent(3).build(context));
    assertEquals("com.example.Other/search: the bulkhead named 'db' is already registered by "
        + "com.example.Chain/answer as BulkheadPolicy[db: maxConcurrent=3, maxWait=0ms], but this method "
        + "configures it as BulkheadPolicy[db: maxConcurrent=4, maxWait=0ms]; guards that share a name must be "
        + "configured alike, or have different names", assertThrows(ConfigurationException.class,
            () -> BulkheadPolicy.builder(B).name("db").maxConcurrent(4).build(context)).getMessage());

    RateLimitPolicy limiter = RateLimitPolicy.builder(A).name("api").permits(5).build(context);
    assertSame(limiter, RateLimitPolicy.builder(B).name("api").permits(5).build(context));
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> RateLimitPolicy.builder(B).name("api").permits(5).window("2s").build(context));
    assertEquals("com.example.Other/search: the rate limiter named 'api' is already registered by "
        + "com.example.Chain/answer as RateLimitPolicy[api: permits=5, window=1s, maxWait=0ms], but this method "
        + "configures it as RateLimitPolicy[api: permits=5, window=2s, maxWait=0ms]; guards that share a name must "
        + "be configured alike, or have different names", e.getMessage());
  }

  @Test
  void kindsOfGuardHaveSeparateNames() {
    BulkheadPolicy.builder(A).name("x").build(context);
    RateLimitPolicy.builder(A).name("x").build(context);
    CircuitBreakerPolicy.builder(A).name("x").build(context);
  }
}
