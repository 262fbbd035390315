package dev.chainmail.runtime;

import java.util.Optional;

/**
 * Applies config overrides to a {@link RetryPolicy.Builder}. The keys are the builder's method followed by
 * {@code /Retry/} and an attribute, such as {@code com.example.ResearchChain/answer/Retry/maxAttempts}. Written
 * without lambdas, since every proxy constructor runs it, and the first one is on the cold-start path.
 */
final class RetryOverrides {

  private static final String[] ATTRIBUTES = {"maxAttempts", "delay", "multiplier", "maxDelay", "jitter",
      "maxDuration"};

  private RetryOverrides() {}

  static void apply(RetryPolicy.Builder builder, ChainmailConfig config) {
    String prefix = builder.method() + "/Retry/";
    for (String attribute : ATTRIBUTES) {
      String key = prefix + attribute;
      Optional<String> value = config.value(key);
      if (value.isPresent()) {
        try {
          set(builder, attribute, value.get().trim());
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("config key " + key + " = '" + value.get() + "' is invalid: "
              + e.getMessage(), e);
        }
      }
    }
  }

  private static void set(RetryPolicy.Builder builder, String attribute, String value) {
    switch (attribute) {
      case "maxAttempts":
        builder.maxAttempts(Integer.parseInt(value));
        break;
      case "delay":
        builder.delay(value);
        break;
      case "multiplier":
        builder.multiplier(Double.parseDouble(value));
        break;
      case "maxDelay":
        builder.maxDelay(value);
        break;
      case "jitter":
        builder.jitter(Double.parseDouble(value));
        break;
      default:
        if (!builder.declaresMaxDuration()) {
          throw new IllegalArgumentException("the @Retry on " + builder.method() + " declares no maxDuration, so "
              + "the proxy does not time its retries; declare a maxDuration in the annotation to make it "
              + "configurable");
        }
        builder.maxDuration(value);
        break;
    }
  }
}
