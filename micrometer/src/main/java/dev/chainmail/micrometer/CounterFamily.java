package dev.chainmail.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The counters that share one name, description and set of tag keys, one per combination of tag values. Each is
 * registered at the first event that needs it, then found again in a map, so an event allocates at most one small
 * key. Every counter of a family carries every key, which Prometheus requires of meters that share a name.
 *
 * <p>This class is thread-safe.
 */
final class CounterFamily {

  private final MeterRegistry registry;
  private final Tags commonTags;
  private final String name;
  private final String description;
  private final String[] tagKeys;
  private final ConcurrentHashMap<TagValues, Counter> counters = new ConcurrentHashMap<>();

  /**
   * @param tagKeys the keys of the tags that tell the family's counters apart, one to three, in the order their
   *     values are passed to {@link #counter}
   */
  CounterFamily(MeterRegistry registry, Tags commonTags, String name, String description, String... tagKeys) {
    if (tagKeys.length < 1 || tagKeys.length > 3) {
      throw new IllegalArgumentException(name + ": 1 to 3 tag keys, not " + tagKeys.length);
    }
    this.registry = registry;
    this.commonTags = commonTags;
    this.name = name;
    this.description = description;
    this.tagKeys = tagKeys.clone();
  }

  /** Returns the counter of a family with one tag key whose tag has this value. */
  Counter counter(String first) {
    return counter(first, null, null);
  }

  /** Returns the counter of a family with two tag keys whose tags have these values. */
  Counter counter(String first, String second) {
    return counter(first, second, null);
  }

  /** Returns the counter whose tags have these values; null stands for a key the family does not have. */
  Counter counter(String first, String second, String third) {
    TagValues key = new TagValues(first, second, third);
    Counter counter = counters.get(key);
    return counter != null ? counter : counters.computeIfAbsent(key, this::register);
  }

  private Counter register(TagValues values) {
    Counter.Builder builder = Counter.builder(name).description(description).tags(commonTags)
        .tag(tagKeys[0], values.first());
    if (tagKeys.length > 1) {
      builder.tag(tagKeys[1], values.second());
    }
    if (tagKeys.length > 2) {
      builder.tag(tagKeys[2], values.third());
    }
    return builder.register(registry);
  }

  /** The values of a counter's own tags, in the order of the family's keys. */
  private record TagValues(String first, String second, String third) {}
}
