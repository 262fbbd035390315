package dev.chainmail.processor.generate;

import java.util.List;

/**
 * The guards in the order they nest, outermost first: the one place that order is defined. A fallback answers
 * only once every retry has failed; each retry attempt runs every guard beneath it again.
 */
enum GuardStage {
  FALLBACK("@Fallback", new FallbackEmitter()),
  RETRY("@Retry", new RetryEmitter());

  private final String title;
  private final GuardEmitter emitter;

  GuardStage(String title, GuardEmitter emitter) {
    this.title = title;
    this.emitter = emitter;
  }

  /** The guard's annotation, as documentation names it. */
  String title() {
    return title;
  }

  GuardEmitter emitter() {
    return emitter;
  }

  /** The stages from the innermost out, the order in which they wrap the call. */
  static List<GuardStage> innermostFirst() {
    GuardStage[] stages = values();
    GuardStage[] reversed = new GuardStage[stages.length];
    for (int i = 0; i < stages.length; i++) {
      reversed[i] = stages[stages.length - 1 - i];
    }
    return List.of(reversed);
  }
}
