package dev.chainmail.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ReplicaDetectionTest {

  private static final String CHAIN = "com.example.Answerer";

  private static String error(Runnable build) {
    return assertThrows(ConfigurationException.class, build::run).getMessage();
  }

  @Test
  void defaultsFollowTheBrief() {
    ReplicaDetection detection = ReplicaDetection.builder(CHAIN).build();
    assertEquals(CHAIN, detection.chain());
    assertEquals(5, detection.ejectAfter());
    assertEquals(30_000_000_000L, detection.ejectForNanos());
    assertEquals(300_000_000_000L, detection.maxEjectForNanos());
    assertEquals(50, detection.maxEjectedPercent());
    assertEquals(OptionalLong.empty(), detection.heartbeatEveryNanos());
  }

  @Test
  void durationsParseLikeTheOthers() {
    ReplicaDetection detection = ReplicaDetection.builder(CHAIN).ejectFor("250ms").maxEjectFor("PT2S")
        .heartbeatEvery("10s").build();
    assertEquals(250_000_000L, detection.ejectForNanos());
    assertEquals(2_000_000_000L, detection.maxEjectForNanos());
    assertEquals(OptionalLong.of(10_000_000_000L), detection.heartbeatEveryNanos());
  }

  @Test
  void ejectionsDoubleUpToTheCap() {
    ReplicaDetection detection = ReplicaDetection.builder(CHAIN).ejectFor("1s").maxEjectFor("5s").build();
    assertEquals(1_000_000_000L, detection.ejectionNanos(1));
    assertEquals(2_000_000_000L, detection.ejectionNanos(2));
    assertEquals(4_000_000_000L, detection.ejectionNanos(3));
    assertEquals(5_000_000_000L, detection.ejectionNanos(4));
    assertEquals(5_000_000_000L, detection.ejectionNanos(1_000));
    ReplicaDetection huge = ReplicaDetection.builder(CHAIN).ejectForNanos(Long.MAX_VALUE / 3)
        .maxEjectForNanos(Long.MAX_VALUE).build();
    assertEquals(Long.MAX_VALUE, huge.ejectionNanos(100));
  }

  @Test
  void badValuesNameTheKnobTheValueAndWhatIsExpected() {
    assertEquals(CHAIN + ": ejectAfter must be at least 1, was 0",
        error(() -> ReplicaDetection.builder(CHAIN).ejectAfter(0)));
    assertEquals(CHAIN + ": ejectFor must be positive, was 0ns",
        error(() -> ReplicaDetection.builder(CHAIN).ejectFor("0s")));
    String unparsed = error(() -> ReplicaDetection.builder(CHAIN).ejectFor("soon"));
    assertTrue(unparsed.startsWith(CHAIN + ": ejectFor 'soon' is not a duration: use a whole number"), unparsed);
    assertEquals(CHAIN + ": maxEjectFor is null; a duration is required",
        error(() -> ReplicaDetection.builder(CHAIN).maxEjectFor(null)));
    assertEquals(CHAIN + ": maxEjectedPercent must be from 0 to 100, was 101",
        error(() -> ReplicaDetection.builder(CHAIN).maxEjectedPercent(101)));
    assertEquals(CHAIN + ": maxEjectedPercent must be from 0 to 100, was -1",
        error(() -> ReplicaDetection.builder(CHAIN).maxEjectedPercent(-1)));
    assertEquals(CHAIN + ": heartbeatEvery must be positive, was 0ns",
        error(() -> ReplicaDetection.builder(CHAIN).heartbeatEvery("0ms")));
    assertEquals(CHAIN + ": maxEjectFor must be at least ejectFor (30s), was 10s; raise maxEjectFor or lower ejectFor",
        error(() -> ReplicaDetection.builder(CHAIN).maxEjectFor("10s").build()));
  }
}
