package dev.chainmail.runtime;

import java.util.Map;
import java.util.Optional;

/**
 * Overrides for the values written in annotations, read once when a proxy is constructed.
 *
 * <p>A key names a chain type, a method, a guard and an attribute, separated by slashes:
 * {@code com.example.ResearchChain/answer/Retry/maxAttempts}. Overloads of a method share their keys. Values use
 * the annotation's own syntax, such as {@code 5} or {@code "2s"}. See {@code docs/guide.md} for every key.
 *
 * <p>Implementations must be thread-safe.
 */
@FunctionalInterface
public interface ChainmailConfig {

  /**
   * Returns the value of a key, if set.
   *
   * @param key the full key, such as {@code com.example.ResearchChain/answer/Retry/maxAttempts}
   * @return the value, or empty if the key is not set
   */
  Optional<String> value(String key);

  /**
   * Returns a config with no keys: every proxy uses its annotations as written.
   *
   * @return the empty config
   */
  static ChainmailConfig empty() {
    return JdkDefaults.EmptyConfig.INSTANCE;
  }

  /**
   * Returns a config backed by a copy of a map.
   *
   * @param values keys and their values
   * @return a config that reads the copy
   * @throws NullPointerException if {@code values}, or any key or value in it, is null
   */
  static ChainmailConfig of(Map<String, String> values) {
    Map<String, String> copy = Map.copyOf(values);
    return key -> Optional.ofNullable(copy.get(key));
  }

  /**
   * Returns a config backed by the system properties as they are when a proxy is constructed, so that
   * {@code -Dcom.example.ResearchChain/answer/Retry/maxAttempts=5} overrides an annotation.
   *
   * @return a config that reads the system properties
   */
  static ChainmailConfig systemProperties() {
    return JdkDefaults.SystemPropertiesConfig.INSTANCE;
  }
}
