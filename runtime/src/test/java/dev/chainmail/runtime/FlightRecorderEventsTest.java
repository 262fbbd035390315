package dev.chainmail.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The guards' events land in a real flight recording, read back from its file as JDK Mission Control would. */
class FlightRecorderEventsTest {

  private static final String METHOD = "com.example.Chain/answer";

  @TempDir
  Path dir;

  private final VirtualTime time = new VirtualTime();

  @Test
  void everyEventIsRecordedWithItsFields() throws IOException {
    ChainmailContext context = ChainmailContext.builder().clock(time).sleeper(time).build();
    List<RecordedEvent> events = record(() -> {
      ChainmailListener listener = context.listener();
      IOException down = new IOException("down");
      listener.onRetry(METHOD, 2, down, 1_500_000);
      listener.onRetriesExhausted(METHOD, 3, down);
      listener.onFallback(METHOD, down);
      listener.onReplicaEjected(METHOD, 1, down);
      listener.onReplicaReadmitted(METHOD, 1);
      listener.onReplicaRestarted(METHOD, 2);
      listener.onHedgeSent(METHOD, 1, 0);
      listener.onHedgeWon(METHOD, 1, 0);
      CircuitBreakerPolicy breaker = CircuitBreakerPolicy.builder(METHOD).name("llm").build(context);
      breaker.forceOpen();
      assertThrows(CircuitBreakerOpenException.class, breaker::acquire);
      BulkheadPolicy bulkhead = BulkheadPolicy.builder(METHOD).maxConcurrent(1).build(context);
      bulkhead.acquire();
      assertThrows(BulkheadFullException.class, bulkhead::acquire);
      RateLimitPolicy limiter = RateLimitPolicy.builder(METHOD).permits(1).build(context);
      limiter.acquire();
      assertThrows(RateLimitedException.class, limiter::acquire);
      TimeoutPolicy timeout = TimeoutPolicy.builder(METHOD).timeout("1s").build(context);
      assertThrows(TimeoutExceededException.class, () -> TimeoutPolicyTest.guarded(timeout, () -> {
        time.advance(2_000_000_000L);
        return "late";
      }));
    });
    Map<String, RecordedEvent> byName = new TreeMap<>();
    for (RecordedEvent event : events) {
      byName.put(event.getEventType().getName(), event);
    }
    assertEquals(List.of("dev.chainmail.BulkheadFull", "dev.chainmail.CallNotPermitted",
        "dev.chainmail.CircuitBreakerStateChange", "dev.chainmail.Fallback", "dev.chainmail.HedgeSent",
        "dev.chainmail.HedgeWon", "dev.chainmail.RateLimited",
        "dev.chainmail.ReplicaEjected", "dev.chainmail.ReplicaReadmitted", "dev.chainmail.ReplicaRestarted",
        "dev.chainmail.RetriesExhausted", "dev.chainmail.Retry", "dev.chainmail.Timeout"),
        List.copyOf(byName.keySet()));
    for (RecordedEvent event : events) {
      assertEquals(List.of("Chainmail"), event.getEventType().getCategoryNames(), event.getEventType().getName());
    }

    RecordedEvent retry = byName.get("dev.chainmail.Retry");
    assertEquals(METHOD, retry.getString("method"));
    assertEquals(2, retry.getInt("attempt"));
    assertEquals(1_500_000L, retry.getDuration("pause").toNanos());
    assertEquals("java.io.IOException", retry.getString("failure"));
    assertEquals("down", retry.getString("message"));
    assertEquals(3, byName.get("dev.chainmail.RetriesExhausted").getInt("attempts"));
    assertEquals(1, byName.get("dev.chainmail.ReplicaEjected").getInt("replica"));
    assertEquals(2, byName.get("dev.chainmail.ReplicaRestarted").getInt("replica"));
    assertEquals(1, byName.get("dev.chainmail.HedgeSent").getInt("replica"));
    assertEquals(0, byName.get("dev.chainmail.HedgeWon").getInt("other"));
    RecordedEvent state = byName.get("dev.chainmail.CircuitBreakerStateChange");
    assertEquals("llm", state.getString("breaker"));
    assertEquals("CLOSED", state.getString("from"));
    assertEquals("FORCED_OPEN", state.getString("to"));
    RecordedEvent notPermitted = byName.get("dev.chainmail.CallNotPermitted");
    assertEquals("llm", notPermitted.getString("breaker"));
    assertTrue(notPermitted.getString("message").contains("FORCED_OPEN"), notPermitted.getString("message"));
    assertEquals(METHOD, byName.get("dev.chainmail.BulkheadFull").getString("bulkhead"));
    assertEquals(METHOD, byName.get("dev.chainmail.RateLimited").getString("limiter"));
    assertEquals(METHOD + ": timed out after 1s", byName.get("dev.chainmail.Timeout").getString("message"));
  }

  @Test
  void aContextWithTheRecorderOffRecordsNothing() throws IOException {
    ChainmailContext context = ChainmailContext.builder().clock(time).sleeper(time).flightRecorder(false).build();
    List<RecordedEvent> events = record(() -> {
      CircuitBreakerPolicy breaker = CircuitBreakerPolicy.builder(METHOD).build(context);
      breaker.forceOpen();
      assertThrows(CircuitBreakerOpenException.class, breaker::acquire);
    });
    assertEquals(List.of(), events.stream().map(e -> e.getEventType().getName()).collect(Collectors.toList()));
  }

  @Test
  void noEventIsBuiltWhileNoRecordingRuns() {
    assertFalse(new FlightRecorderListener.RetryEvent().isEnabled());
  }

  /** Runs {@code body} inside a recording of the Chainmail events only, and reads them back from its file. */
  private List<RecordedEvent> record(Runnable body) throws IOException {
    Path file = dir.resolve("events.jfr");
    try (Recording recording = new Recording()) {
      for (String name : List.of("Retry", "RetriesExhausted", "Fallback", "CircuitBreakerStateChange",
          "CallNotPermitted", "Timeout", "BulkheadFull", "RateLimited", "ReplicaEjected", "ReplicaReadmitted",
          "ReplicaRestarted", "HedgeSent", "HedgeWon")) {
        recording.enable("dev.chainmail." + name);
      }
      recording.start();
      body.run();
      recording.stop();
      recording.dump(file);
    }
    assertTrue(Files.size(file) > 0);
    return RecordingFile.readAllEvents(file).stream()
        .filter(e -> e.getEventType().getName().startsWith("dev.chainmail."))
        .collect(Collectors.toList());
  }
}
