package com.example.tools;

import dev.chainmail.Fallback;
import dev.chainmail.Retry;
import java.util.List;

/** A type-level @Retry covers the abstract methods; the default method is forwarded. */
@Retry(maxAttempts = 5, delay = "50ms")
public interface ToolClient extends Named {
  String invoke(String tool, String input) throws ToolException;

  @Fallback(method = "noTools", applyOn = IllegalStateException.class)
  List<String> listTools();

  default int timeoutSeconds() {
    return 30;
  }

  static List<String> noTools(IllegalStateException cause) {
    return List.of();
  }
}
