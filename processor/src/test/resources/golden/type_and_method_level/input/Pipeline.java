package com.example;

import dev.chainmail.Fallback;
import dev.chainmail.Retry;

/** Type-level @Retry for public methods, replaced where a method has its own. */
@Retry(maxAttempts = 2)
public class Pipeline {
  public String summarize(String text) {
    return text;
  }

  @Retry(maxAttempts = 10, delay = "1s", multiplier = 1.5, retryOn = Throwable.class)
  public String translate(String text, String language) {
    return text;
  }

  @Fallback(method = "plain", skipOn = IllegalArgumentException.class)
  public String format(String text) {
    return text;
  }

  /** @deprecated use summarize */
  @Deprecated
  public String digest(String text) {
    return text;
  }

  String plain(String text) {
    return text;
  }

  String notPublic(String text) {
    return text;
  }

  public final String notOverridable(String text) {
    return text;
  }

  public static String notInstance(String text) {
    return text;
  }
}
