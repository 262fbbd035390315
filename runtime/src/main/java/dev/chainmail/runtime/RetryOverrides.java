package dev.chainmail.runtime;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * Applies config overrides to a {@link RetryPolicy.Builder}. The keys are the builder's method followed by
 * {@code /Retry/} and an attribute, such as {@code com.example.ResearchChain/answer/Retry/maxAttempts}.
 */
final class RetryOverrides {

  private RetryOverrides() {}

  static void apply(RetryPolicy.Builder builder, ChainmailConfig config) {
    String prefix = builder.method() + "/Retry/";
    override(config, prefix + "maxAttempts", value -> builder.maxAttempts(Integer.parseInt(value)));
    override(config, prefix + "delay", builder::delay);
    override(config, prefix + "multiplier", value -> builder.multiplier(Double.parseDouble(value)));
    override(config, prefix + "maxDelay", builder::maxDelay);
    override(config, prefix + "jitter", value -> builder.jitter(Double.parseDouble(value)));
    override(config, prefix + "maxDuration", value -> {
      if (!builder.declaresMaxDuration()) {
        throw new IllegalArgumentException("the @Retry on " + builder.method() + " declares no maxDuration, so the "
            + "proxy does not time its retries; declare a maxDuration in the annotation to make it configurable");
      }
      builder.maxDuration(value);
    });
  }

  private static void override(ChainmailConfig config, String key, Consumer<String> setter) {
    Optional<String> value = config.value(key);
    if (value.isEmpty()) {
      return;
    }
    try {
      setter.accept(value.get().trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("config key " + key + " = '" + value.get() + "' is invalid: "
          + e.getMessage(), e);
    }
  }
}
