package dev.chainmail.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BulkheadPolicyTest {

  private static final String METHOD = "com.example.Chain/answer";
  private static final long MS = 1_000_000L;
  private static final long S = 1_000_000_000L;

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  private static ChainmailContext context(Map<String, String> config) {
    return ChainmailContext.builder().config(ChainmailConfig.of(config)).build();
  }

  private static BulkheadPolicy bulkhead(int maxConcurrent, String maxWait) {
    return BulkheadPolicy.builder(METHOD).maxConcurrent(maxConcurrent).maxWait(maxWait)
        .build(ChainmailContext.builder().build());
  }

  /** Waits, without sleeping, until a thread blocks. */
  private static void awaitBlocked(Thread thread) {
    long end = System.nanoTime() + 10 * S;
    while (thread.getState() != Thread.State.TIMED_WAITING && thread.getState() != Thread.State.WAITING) {
      assertTrue(System.nanoTime() < end, "the waiter never blocked");
      Thread.onSpinWait();
    }
  }

  @Test
  void defaultsAreThoseOfTheAnnotation() {
    BulkheadPolicy bulkhead = BulkheadPolicy.builder(METHOD).build(context(Map.of()));
    assertEquals(10, bulkhead.maxConcurrent());
    assertEquals(0L, bulkhead.maxWaitNanos());
    assertEquals("", bulkhead.name());
    assertEquals(METHOD, bulkhead.method());
    assertEquals(0, bulkhead.inFlight());
    assertEquals("BulkheadPolicy[com.example.Chain/answer: maxConcurrent=10, maxWait=0ms]", bulkhead.toString());
  }

  @Test
  void builderChecksEachValue() {
    BulkheadPolicy.Builder builder = BulkheadPolicy.builder(METHOD);
    assertEquals(METHOD + ": maxConcurrent must be at least 1, was 0",
        assertThrows(ConfigurationException.class, () -> builder.maxConcurrent(0)).getMessage());
    assertEquals(METHOD + ": maxWait must not be negative, was -1ns",
        assertThrows(ConfigurationException.class, () -> builder.maxWaitNanos(-1)).getMessage());
    assertTrue(assertThrows(ConfigurationException.class, () -> builder.maxWait("-1s")).getMessage()
        .startsWith(METHOD + ": maxWait '-1s' is negative"));
    assertEquals(METHOD + ": maxWait is null; a duration is required",
        assertThrows(ConfigurationException.class, () -> builder.maxWait(null)).getMessage());
    assertThrows(ConfigurationException.class, () -> builder.name(null));
    assertEquals("method", assertThrows(NullPointerException.class, () -> BulkheadPolicy.builder(null))
        .getMessage());
    assertEquals("context", assertThrows(NullPointerException.class, () -> builder.build(null)).getMessage());
    BulkheadPolicy bulkhead = builder.maxConcurrent(3).maxWait("250ms").name("db").build(context(Map.of()));
    assertEquals("BulkheadPolicy[db: maxConcurrent=3, maxWait=250ms]", bulkhead.toString());
  }

  @Test
  void overridesBothKeys() {
    BulkheadPolicy bulkhead = BulkheadPolicy.builder(METHOD).build(context(Map.of(
        METHOD + "/Bulkhead/value", " 4 ", METHOD + "/Bulkhead/maxWait", "2s")));
    assertEquals(4, bulkhead.maxConcurrent());
    assertEquals(2 * S, bulkhead.maxWaitNanos());
  }

  @ParameterizedTest(name = "{0} = ''{1}''")
  @CsvSource(delimiter = '|', value = {
      "value | 0 | maxConcurrent must be at least 1, was 0",
      "value | ten | 'ten' is not a whole number",
      "maxWait | soon | 'soon' is not a duration",
      "maxWait | -5ms | is negative",
  })
  void badOverrideNamesTheKeyAndValue(String attribute, String value, String reason) {
    String key = METHOD + "/Bulkhead/" + attribute;
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> BulkheadPolicy.builder(METHOD).build(context(Map.of(key, value))));
    assertTrue(e.getMessage().startsWith("config key " + key + " = '" + value + "' is invalid: "), e.getMessage());
    assertTrue(e.getMessage().contains(reason), e.getMessage());
  }

  @Test
  void admitsUpToTheLimitThenRejects() {
    BulkheadPolicy bulkhead = bulkhead(2, "0ms");
    bulkhead.acquire();
    bulkhead.acquire();
    assertEquals(2, bulkhead.inFlight());
    BulkheadFullException e = assertThrows(BulkheadFullException.class, bulkhead::acquire);
    assertEquals("com.example.Chain/answer: bulkhead is full (2 concurrent calls) and no permit came within 0ms",
        e.getMessage());
    assertEquals(METHOD, e.method());
    assertNull(e.getCause());
    assertEquals(2, bulkhead.inFlight());
    bulkhead.release();
    assertEquals(1, bulkhead.inFlight());
    bulkhead.acquire();
    bulkhead.release();
    bulkhead.release();
    assertEquals(0, bulkhead.inFlight());
  }

  @Test
  void messageNamesANamedBulkheadAndOneCall() {
    BulkheadPolicy bulkhead = BulkheadPolicy.builder(METHOD).maxConcurrent(1).name("db")
        .build(context(Map.of()));
    bulkhead.acquire();
    assertEquals("com.example.Chain/answer: bulkhead 'db' is full (1 concurrent call) and no permit came within 0ms",
        assertThrows(BulkheadFullException.class, bulkhead::acquire).getMessage());
  }

  @Test
  void releaseWithoutAPermitIsRefused() {
    BulkheadPolicy bulkhead = bulkhead(1, "0ms");
    IllegalStateException e = assertThrows(IllegalStateException.class, bulkhead::release);
    assertEquals(METHOD + ": bulkhead released with no permit held", e.getMessage());
    assertEquals(0, bulkhead.inFlight());
  }

  @Test
  void anInterruptedThreadStillTakesAFreePermit() {
    BulkheadPolicy bulkhead = bulkhead(1, "1s");
    Thread.currentThread().interrupt();
    bulkhead.acquire();
    assertTrue(Thread.currentThread().isInterrupted());
    assertEquals(1, bulkhead.inFlight());
  }

  @Test
  @Timeout(10)
  void aWaiterGetsTheNextReleasedPermit() throws Exception {
    BulkheadPolicy bulkhead = bulkhead(1, "30s");
    bulkhead.acquire();
    CompletableFuture<Thread> waiter = new CompletableFuture<>();
    Thread thread = new Thread(() -> {
      waiter.complete(Thread.currentThread());
      bulkhead.acquire();
      bulkhead.release();
    });
    thread.start();
    awaitBlocked(waiter.get(5, TimeUnit.SECONDS));
    assertEquals(1, bulkhead.inFlight());
    bulkhead.release();
    thread.join(5_000);
    assertFalse(thread.isAlive());
    assertEquals(0, bulkhead.inFlight());
  }

  @Test
  @Timeout(10)
  void aWaiterGivesUpAfterMaxWait() {
    BulkheadPolicy bulkhead = bulkhead(1, "1ms");
    bulkhead.acquire();
    long start = System.nanoTime();
    BulkheadFullException e = assertThrows(BulkheadFullException.class, bulkhead::acquire);
    assertTrue(System.nanoTime() - start >= MS);
    assertEquals("com.example.Chain/answer: bulkhead is full (1 concurrent call) and no permit came within 1ms",
        e.getMessage());
    assertEquals(1, bulkhead.inFlight());
  }

  @Test
  @Timeout(10)
  void anInterruptedWaiterKeepsTheFlagAndGetsTheCause() throws Exception {
    BulkheadPolicy bulkhead = bulkhead(1, "30s");
    bulkhead.acquire();
    CompletableFuture<Throwable> outcome = new CompletableFuture<>();
    CompletableFuture<Boolean> flag = new CompletableFuture<>();
    Thread thread = new Thread(() -> {
      try {
        bulkhead.acquire();
        outcome.complete(null);
      } catch (Throwable t) {
        outcome.complete(t);
      }
      flag.complete(Thread.currentThread().isInterrupted());
    });
    thread.start();
    awaitBlocked(thread);
    thread.interrupt();
    Throwable failure = outcome.get(5, TimeUnit.SECONDS);
    BulkheadFullException e = assertInstanceOf(BulkheadFullException.class, failure);
    assertEquals("com.example.Chain/answer: bulkhead is full (1 concurrent call); interrupted while waiting for a "
        + "permit", e.getMessage());
    assertInstanceOf(InterruptedException.class, e.getCause());
    assertTrue(flag.get(5, TimeUnit.SECONDS));
    assertEquals(1, bulkhead.inFlight());
  }

  @Test
  void aWaitingCallCancelledAfterItsPermitCameNeverStarts() {
    AtomicReference<CompletableFuture<String>> waiting = new AtomicReference<>();
    // The caller's context runs the start of a waiting call; here it is cancelled just before, as a caller on
    // another thread may cancel it between the hand-off of the permit and the start.
    ContextPropagator cancelling = () -> task -> {
      waiting.get().cancel(false);
      task.run();
    };
    VirtualTime time = new VirtualTime();
    BulkheadPolicy bulkhead = BulkheadPolicy.builder(METHOD).maxConcurrent(1).maxWait("1s")
        .build(ChainmailContext.builder().clock(time).sleeper(time).contextPropagator(cancelling).build());
    CompletableFuture<String> first = new CompletableFuture<>();
    CompletableFuture<String> running = bulkhead.async(() -> first);
    AtomicInteger started = new AtomicInteger();
    waiting.set(bulkhead.async(() -> {
      started.incrementAndGet();
      return CompletableFuture.completedFuture("second");
    }));
    first.complete("first");
    assertEquals("first", running.join());
    assertTrue(waiting.get().isCancelled());
    assertEquals(0, started.get(), "a cancelled call started");
    assertEquals(0, bulkhead.inFlight(), "its permit was kept");
    assertEquals("third", bulkhead.async(() -> CompletableFuture.completedFuture("third")).join());
  }

  @Test
  void aLongQueueOfCallsThatEndAtOnceIsServedWithoutDeepeningTheStack() {
    VirtualTime time = new VirtualTime();
    BulkheadPolicy bulkhead = BulkheadPolicy.builder(METHOD).maxConcurrent(1).maxWait("1h")
        .build(ChainmailContext.builder().clock(time).sleeper(time).build());
    CompletableFuture<String> first = new CompletableFuture<>();
    bulkhead.async(() -> first);
    int waiting = 100_000;
    List<CompletableFuture<String>> queued = new ArrayList<>();
    for (int i = 0; i < waiting; i++) {
      queued.add(bulkhead.async(() -> CompletableFuture.completedFuture("at once")));
    }
    // Each waiting call ends as it starts, and gives its permit to the next: in a nested loop per call, a queue
    // this long overflows the stack.
    first.complete("first");
    for (CompletableFuture<String> call : queued) {
      assertEquals("at once", call.join());
    }
    assertEquals(0, bulkhead.inFlight());
  }
}
