package dev.chainmail.runtime.checkpoint;

/**
 * The keys of steps counted by occurrence, as text: {@code "0"} for a name's first call in a run. The first
 * {@value #CACHED} are kept, so that a step found recorded does not format its number. This class is thread-safe.
 */
final class StepKeys {

  static final int CACHED = 1024;

  private static final String[] KEYS = new String[CACHED];

  static {
    for (int i = 0; i < CACHED; i++) {
      KEYS[i] = Integer.toString(i);
    }
  }

  private StepKeys() {}

  /** @return the key of the {@code occurrence}-th call of a name, from 0 */
  static String occurrence(int occurrence) {
    return occurrence < CACHED ? KEYS[occurrence] : Integer.toString(occurrence);
  }
}
