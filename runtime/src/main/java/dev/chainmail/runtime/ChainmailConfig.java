package dev.chainmail.runtime;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Overrides for the values written in annotations, read once when a proxy is constructed, never per call.
 *
 * <p>Keys follow MicroProfile Fault Tolerance. For an attribute of a guard, the first of these that is set wins:
 * <ol>
 *   <li>{@code <Class>/<method>/<Annotation>/<attribute>}, such as
 *       {@code com.example.ResearchChain/answer/Retry/maxAttempts}: the method's guard, whether its annotation is
 *       written on the method or on the type;</li>
 *   <li>{@code <Class>/<Annotation>/<attribute>}: a guard whose annotation is written on the type;</li>
 *   <li>{@code <Annotation>/<attribute>}: every use of the annotation.</li>
 * </ol>
 * {@code <Class>} is the chain type's binary name, as {@code Class.getName()} gives it ({@code Outer$Inner} for a
 * nested type). Overloads of a method share their keys. Values use the annotation's own syntax, such as {@code 5}
 * or {@code 2s}; the attribute {@code enabled}, {@code true} or {@code false}, turns a guard on or off. See
 * {@code docs/guide.md} for every key.
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

  /**
   * Returns a config backed by the environment variables, named as MicroProfile Config names them, since a
   * variable's name cannot hold a slash: for the key {@code com.example.Chain/answer/Retry/maxAttempts} it reads
   * the variable of that exact name, else {@code com_example_Chain_answer_Retry_maxAttempts} (every character other
   * than a letter, a digit or {@code _} replaced by {@code _}), else that in upper case,
   * {@code COM_EXAMPLE_CHAIN_ANSWER_RETRY_MAXATTEMPTS}.
   *
   * @return a config that reads the environment
   */
  static ChainmailConfig environment() {
    return JdkDefaults.EnvironmentConfig.INSTANCE;
  }

  /**
   * Returns the config of {@link ChainmailContext#defaults()}: the system properties, then the environment
   * variables, so that a {@code -D} option wins over the environment.
   *
   * @return a config that reads both
   */
  static ChainmailConfig defaults() {
    return JdkDefaults.DEFAULT_CONFIG;
  }

  /**
   * Returns a config that reads this one, and {@code fallback} for the keys this one does not set.
   *
   * @param fallback the config asked second
   * @return the combined config, thread-safe if both are
   * @throws NullPointerException if {@code fallback} is null
   */
  default ChainmailConfig orElse(ChainmailConfig fallback) {
    return new JdkDefaults.FirstOf(this, Objects.requireNonNull(fallback, "fallback"));
  }
}
