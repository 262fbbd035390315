package dev.chainmail.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ResilienceExceptionTest {

  private static final String METHOD = "com.example.Chain/answer";

  @Test
  void eachGuardExceptionIsAResilienceExceptionWithItsMethodAndCause() {
    Throwable cause = new InterruptedException();
    ResilienceException[] all = {
        new CircuitBreakerOpenException(METHOD, METHOD + ": open", cause),
        new TimeoutExceededException(METHOD, METHOD + ": late", cause),
        new BulkheadFullException(METHOD, METHOD + ": full", cause),
        new RateLimitedException(METHOD, METHOD + ": limited", cause),
    };
    for (ResilienceException e : all) {
      assertInstanceOf(RuntimeException.class, e);
      assertEquals(METHOD, e.method());
      assertSame(cause, e.getCause());
      assertTrue(e.getMessage().startsWith(METHOD + ": "));
      assertTrue(e.getStackTrace().length > 0, "stack traces are kept");
    }
  }

  @Test
  void aMethodIsRequiredUnlessUnknown() {
    assertEquals("method", assertThrows(NullPointerException.class,
        () -> new BulkheadFullException(null, "m", null)).getMessage());
    ResilienceException unknown = new ResilienceException("no method", null) {
      private static final long serialVersionUID = 1L;
    };
    assertEquals("", unknown.method());
    assertEquals("no method", unknown.getMessage());
  }

  @Test
  void configurationExceptionIsAnIllegalArgumentException() {
    Throwable cause = new NumberFormatException();
    ConfigurationException e = new ConfigurationException("bad", cause);
    assertInstanceOf(IllegalArgumentException.class, e);
    assertSame(cause, e.getCause());
    assertEquals("bad", new ConfigurationException("bad").getMessage());
  }
}
