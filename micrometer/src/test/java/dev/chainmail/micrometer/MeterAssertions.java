package dev.chainmail.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Finds meters by their exact tags, so that a missing or extra tag fails a test. */
final class MeterAssertions {

  private static final List<String> STATES = List.of("closed", "open", "half_open", "forced_open", "forced_closed");

  private MeterAssertions() {}

  /** Returns the one meter called {@code name} whose tags are exactly {@code tags}, checking its type. */
  static <M extends Meter> M only(MeterRegistry registry, String name, Class<M> type, Tags tags) {
    List<Tag> expected = tags.stream().collect(Collectors.toList());
    List<Meter> found = registry.find(name).meters().stream()
        .filter(meter -> meter.getId().getTags().equals(expected))
        .collect(Collectors.toList());
    assertEquals(1, found.size(), () -> "one " + name + " with tags " + expected + " among "
        + registry.find(name).meters().stream().map(Meter::getId).collect(Collectors.toList()));
    return type.cast(assertInstanceOf(type, found.get(0)));
  }

  /** Checks that breaker {@code name} has one gauge per state, 1 for {@code current} and 0 for the others. */
  static void assertStateGauges(MeterRegistry registry, String name, String current) {
    Map<String, Double> values = new TreeMap<>();
    for (String state : STATES) {
      Gauge gauge = only(registry, "chainmail.circuitbreaker.state", Gauge.class,
          Tags.of("name", name, "state", state));
      values.put(state, gauge.value());
    }
    Map<String, Double> expected = new TreeMap<>();
    for (String state : STATES) {
      expected.put(state, state.equals(current) ? 1.0 : 0.0);
    }
    assertEquals(expected, values, name);
    assertEquals(STATES.size(), registry.find("chainmail.circuitbreaker.state").tag("name", name).gauges().size());
  }
}
