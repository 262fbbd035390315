package dev.chainmail.runtime.internal;

import dev.chainmail.runtime.ChainmailConfig;
import dev.chainmail.runtime.ConfigurationException;
import java.util.Optional;

/**
 * Applies config overrides to a policy builder, with MicroProfile Fault Tolerance's keys and rules. For the guard
 * {@code Retry} of the method {@code com.example.ResearchChain/answer}, the attribute {@code maxAttempts} is read
 * from the first of these keys that is set:
 * <ol>
 *   <li>{@code com.example.ResearchChain/answer/Retry/maxAttempts}, the method's own key;</li>
 *   <li>{@code com.example.ResearchChain/Retry/maxAttempts}, only if the annotation is written on the type;</li>
 *   <li>{@code Retry/maxAttempts}, which overrides every use.</li>
 * </ol>
 * The chain is named by its binary name, as {@code Class.getName()} gives it. Values are written in the
 * annotation's syntax. Attributes compiled into the proxy (such as {@code retryOn}) are fixed: setting one fails
 * the build of the policy and says why. Written without lambdas, since every proxy constructor runs it, and the
 * first one is on the cold-start path.
 *
 * <p>Internal: public only so that the runtime's packages share it; not an API, with no compatibility promise.
 */
public final class ConfigOverrides {

  /**
   * Sets the overrides of one kind of builder, one attribute at a time: a stateless singleton per policy, so that
   * applying overrides allocates nothing but what the builder keeps.
   *
   * @param <B> the builder
   */
  public interface Target<B> {

    /**
     * Sets one attribute of {@code builder} from its override.
     *
     * @param builder the builder being configured
     * @param attribute one of the attributes passed to {@link #apply}
     * @param value the override, trimmed
     * @throws IllegalArgumentException if the value does not parse or is out of range
     */
    void set(B builder, String attribute, String value);
  }

  /** A key that is set, and its value. */
  public record Found(String key, String value) {}

  /** Why {@code retryOn}, {@code failOn} and the like are fixed. */
  public static final String INSTANCEOF = "is compiled into the proxy's instanceof checks";
  /** Why {@code retryOnResult}, {@code voteBy} and the like are fixed. */
  public static final String METHOD_CALL = "names a method of the chain that the proxy calls, compiled into it";
  /** Why {@code name} is fixed. */
  public static final String SHARING = "decides which methods share one guard, which the processor checked when it"
      + " compiled the annotations";

  private ConfigOverrides() {}

  /**
   * Looks up each attribute's keys, in order, and passes each value found to the target; then checks that no key
   * sets a fixed attribute.
   *
   * @param method the guarded method, as {@code com.example.ResearchChain/answer}
   * @param onType whether the guard's annotation is written on the chain type rather than on the method
   * @param annotation the annotation's simple name, as {@code Retry}
   * @param attributes the attributes that can be overridden
   * @param fixed the attributes compiled into the proxy, each with why: {@code {"retryOn", "is compiled into ..."}}
   * @throws ConfigurationException if the target rejects a value, or a key sets a fixed attribute; the message
   *     names the whole key, the value, and what was expected
   */
  public static <B> void apply(ChainmailConfig config, String method, boolean onType, String annotation,
      String[] attributes, String[][] fixed, B builder, Target<? super B> target) {
    for (String attribute : attributes) {
      set(find(config, method, onType, annotation, attribute), attribute, builder, target);
    }
    rejectFixed(config, method, onType, annotation, fixed);
  }

  /**
   * Checks that no key sets an attribute compiled into the proxy.
   *
   * @param fixed the attributes, each with why: {@code {"retryOn", "is compiled into ..."}}
   * @throws ConfigurationException naming the first such key found, and why it cannot be overridden
   */
  public static void rejectFixed(ChainmailConfig config, String method, boolean onType, String annotation,
      String[][] fixed) {
    for (String[] attribute : fixed) {
      Found found = find(config, method, onType, annotation, attribute[0]);
      if (found != null) {
        throw invalid(found, attribute[0] + " " + attribute[1] + ", so it cannot be overridden; change the"
            + " annotation and rebuild", null);
      }
    }
  }

  /**
   * Looks up the attributes of what belongs to a whole chain type rather than to one method, such as a replica
   * set's detection: {@code <Class>/<Annotation>/<attribute>}, then {@code <Annotation>/<attribute>}.
   *
   * @param chain the chain type's binary name
   * @throws ConfigurationException if the target rejects a value; the message names the whole key
   */
  public static <B> void applyToType(ChainmailConfig config, String chain, String annotation, String[] attributes,
      B builder, Target<? super B> target) {
    for (String attribute : attributes) {
      String suffix = annotation + "/" + attribute;
      Found found = lookup(config, chain + "/" + suffix);
      set(found != null ? found : lookup(config, suffix), attribute, builder, target);
    }
  }

  /** Finds the method's own key for an attribute, ignoring the type's and every use's; null if it is not set. */
  public static Found findOnMethod(ChainmailConfig config, String method, String annotation, String attribute) {
    return lookup(config, method + "/" + annotation + "/" + attribute);
  }

  private static <B> void set(Found found, String attribute, B builder, Target<? super B> target) {
    if (found != null) {
      try {
        target.set(builder, attribute, found.value().trim());
      } catch (IllegalArgumentException e) {
        throw invalid(found, e.getMessage(), e);
      }
    }
  }

  /**
   * Returns whether a guard is on: {@code false} only if its most specific {@code enabled} key is set to
   * {@code false}.
   *
   * @throws ConfigurationException if the key's value is neither {@code true} nor {@code false}
   */
  public static boolean enabled(ChainmailConfig config, String method, boolean onType, String annotation) {
    Found found = find(config, method, onType, annotation, "enabled");
    if (found == null) {
      return true;
    }
    try {
      return parseBoolean(found.value().trim());
    } catch (IllegalArgumentException e) {
      throw invalid(found, e.getMessage(), null);
    }
  }

  /**
   * Returns the most specific key set for one attribute, or null: the method's, then the type's if the annotation
   * is on the type, then the one for every use.
   */
  public static Found find(ChainmailConfig config, String method, boolean onType, String annotation,
      String attribute) {
    String suffix = annotation + "/" + attribute;
    Found found = lookup(config, method + "/" + suffix);
    if (found == null && onType) {
      found = lookup(config, method.substring(0, method.lastIndexOf('/') + 1) + suffix);
    }
    return found != null ? found : lookup(config, suffix);
  }

  private static Found lookup(ChainmailConfig config, String key) {
    Optional<String> value = config.value(key);
    return value.isPresent() ? new Found(key, value.get()) : null;
  }

  public static ConfigurationException invalid(Found found, String reason, Throwable cause) {
    return new ConfigurationException("config key " + found.key() + " = '" + found.value() + "' is invalid: "
        + reason, cause);
  }

  /** Parses a whole number, as an {@code int} attribute is written. */
  /**
   * @param value {@code true} or {@code false}, in any case
   * @return the value
   * @throws IllegalArgumentException if it is neither
   */
  public static boolean parseBoolean(String value) {
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    if (value.equalsIgnoreCase("false")) {
      return false;
    }
    throw new IllegalArgumentException("'" + value + "' is neither true nor false");
  }

  public static int parseInt(String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + value + "' is not a whole number", e);
    }
  }

  /** Parses a number, as a {@code double} attribute is written. */
  public static double parseDouble(String value) {
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + value + "' is not a number", e);
    }
  }
}
