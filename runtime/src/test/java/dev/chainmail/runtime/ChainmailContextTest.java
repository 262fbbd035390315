package dev.chainmail.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChainmailContextTest {

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  @Test
  void defaultsIsASingleton() {
    assertSame(ChainmailContext.defaults(), ChainmailContext.defaults());
    assertNotSame(ChainmailContext.defaults(), ChainmailContext.builder().build());
  }

  @Test
  void defaultsRecordsFlightRecorderEventsAndReadsSystemProperties() {
    String key = "chainmail.test." + UUID.randomUUID() + "/m/Retry/maxAttempts";
    ChainmailContext defaults = ChainmailContext.defaults();
    assertSame(FlightRecorderListener.INSTANCE, defaults.listener());
    assertEquals(Optional.empty(), defaults.config().value(key));
    System.setProperty(key, "7");
    try {
      assertEquals(Optional.of("7"), defaults.config().value(key));
    } finally {
      System.clearProperty(key);
    }
    assertEquals(Optional.empty(), defaults.config().value(key));
  }

  @Test
  void builderStartsWithEmptyConfigAndOnlyTheFlightRecorder() {
    String key = "chainmail.test." + UUID.randomUUID();
    System.setProperty(key, "set");
    try {
      ChainmailContext context = ChainmailContext.builder().build();
      assertEquals(Optional.empty(), context.config().value(key));
      assertSame(FlightRecorderListener.INSTANCE, context.listener());
      assertSame(ChainmailListener.NONE, ChainmailContext.builder().flightRecorder(false).build().listener());
    } finally {
      System.clearProperty(key);
    }
  }

  @Test
  void builderDefaultRandomDrawsFromTheUnitInterval() {
    RandomSource random = ChainmailContext.builder().build().random();
    double first = random.nextDouble();
    boolean varied = false;
    for (int i = 0; i < 1_000; i++) {
      double value = random.nextDouble();
      assertTrue(value >= 0.0 && value < 1.0, "drew " + value);
      varied |= value != first;
    }
    assertTrue(varied);
  }

  @Test
  void builderKeepsWhatItIsGiven() {
    VirtualTime time = new VirtualTime();
    RandomSource random = () -> 0.25;
    ChainmailConfig config = ChainmailConfig.of(Map.of("k", "v"));
    ChainmailListener listener = new ChainmailListener() {};
    ChainmailContext context = ChainmailContext.builder().clock(time).sleeper(time).random(random).config(config)
        .listener(listener).flightRecorder(false).build();
    assertSame(time, context.clock());
    assertSame(time, context.sleeper());
    assertSame(random, context.random());
    assertSame(config, context.config());
    assertSame(listener, context.listener());
  }

  @Test
  void laterBuilderChangesDoNotReachABuiltContext() {
    VirtualTime first = new VirtualTime();
    ChainmailContext.Builder builder = ChainmailContext.builder().clock(first);
    ChainmailContext context = builder.build();
    builder.clock(new VirtualTime());
    assertSame(first, context.clock());
  }

  @Test
  void builderRejectsNulls() {
    ChainmailContext.Builder builder = ChainmailContext.builder();
    assertEquals("clock", assertThrows(NullPointerException.class, () -> builder.clock(null)).getMessage());
    assertEquals("sleeper", assertThrows(NullPointerException.class, () -> builder.sleeper(null)).getMessage());
    assertEquals("random", assertThrows(NullPointerException.class, () -> builder.random(null)).getMessage());
    assertEquals("config", assertThrows(NullPointerException.class, () -> builder.config(null)).getMessage());
    assertEquals("listener", assertThrows(NullPointerException.class, () -> builder.listener(null)).getMessage());
  }

  @Test
  void pauseOfZeroReturnsWithoutCallingTheSleeper() {
    ChainmailContext context = ChainmailContext.builder()
        .sleeper(nanos -> fail("pause(0) must not call the sleeper, got " + nanos)).build();
    assertTrue(context.pause(0));
  }

  @Test
  void pauseSleepsTheGivenTime() {
    VirtualTime time = new VirtualTime();
    ChainmailContext context = ChainmailContext.builder().clock(time).sleeper(time).build();
    assertTrue(context.pause(1));
    assertTrue(context.pause(Long.MAX_VALUE - 1));
    assertEquals(List.of(1L, Long.MAX_VALUE - 1), time.pauses());
    assertEquals(Long.MAX_VALUE, time.nanoTime());
  }

  @Test
  void pauseOnAnInterruptedThreadReturnsFalseWithoutSleepingAndKeepsTheFlag() {
    VirtualTime time = new VirtualTime();
    ChainmailContext context = ChainmailContext.builder().sleeper(time).build();
    Thread.currentThread().interrupt();
    assertFalse(context.pause(5));
    assertFalse(context.pause(0));
    assertEquals(List.of(), time.pauses());
    assertTrue(Thread.interrupted());
  }

  @Test
  void pauseInterruptedWhileSleepingReturnsFalseAndSetsTheFlag() {
    List<Long> sleeps = new ArrayList<>();
    ChainmailContext context = ChainmailContext.builder().sleeper(nanos -> {
      sleeps.add(nanos);
      throw new InterruptedException("test");
    }).build();
    assertFalse(context.pause(42));
    assertEquals(List.of(42L), sleeps);
    assertTrue(Thread.interrupted());
  }

  @Test
  void defaultsHasNoCheckpointStoreAndTheBuilderKeepsOne() {
    assertEquals(Optional.empty(), ChainmailContext.defaults().checkpointStore());
    assertEquals(Optional.empty(), ChainmailContext.builder().build().checkpointStore());
    try (dev.chainmail.runtime.checkpoint.CheckpointStore store =
        dev.chainmail.runtime.checkpoint.CheckpointStores.inMemory()) {
      assertSame(store, ChainmailContext.builder().checkpointStore(store).build().checkpointStore().orElseThrow());
    }
    assertThrows(NullPointerException.class, () -> ChainmailContext.builder().checkpointStore(null));
  }
}
