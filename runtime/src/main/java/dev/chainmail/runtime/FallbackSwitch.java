package dev.chainmail.runtime;

import dev.chainmail.runtime.internal.ConfigOverrides;

/**
 * Reads a {@code @Fallback}'s config when a proxy is constructed: whether it is on, by its {@code enabled} key at
 * the three levels that {@link ChainmailConfig} describes. A fallback keeps no other state, and its attributes are
 * compiled into the proxy: {@code method} names the method the proxy calls, and {@code applyOn} and
 * {@code skipOn} are {@code instanceof} checks, so a key that sets one fails the construction. Generated proxies
 * call it; it is thread-safe.
 */
public final class FallbackSwitch {

  private static final String[][] FIXED = {
      {"method", "names the method the proxy calls, which the processor checked and compiled in"},
      {"applyOn", ConfigOverrides.INSTANCEOF},
      {"skipOn", ConfigOverrides.INSTANCEOF}};

  private FallbackSwitch() {}

  /**
   * Returns whether the fallback of a method is on.
   *
   * @param context where the config comes from
   * @param method the guarded method, as {@code com.example.ResearchChain/answer}
   * @param declaredOnType whether the {@code @Fallback} is written on the chain type
   * @return {@code false} only if the most specific {@code Fallback/enabled} key is {@code false}
   * @throws ConfigurationException if that key is neither {@code true} nor {@code false}, or a key sets
   *     {@code method}, {@code applyOn} or {@code skipOn}; the message names the key
   */
  public static boolean enabled(ChainmailContext context, String method, boolean declaredOnType) {
    ChainmailConfig config = context.config();
    ConfigOverrides.rejectFixed(config, method, declaredOnType, "Fallback", FIXED);
    return ConfigOverrides.enabled(config, method, declaredOnType, "Fallback");
  }
}
