package dev.chainmail.runtime.checkpoint;

import dev.chainmail.runtime.ChainmailContext;
import dev.chainmail.runtime.ConfigurationException;
import dev.chainmail.runtime.internal.ConfigOverrides;

/**
 * The checkpoint settings of one {@code @Checkpoint} method, and the start of each of its calls in a run.
 *
 * <p>A generated proxy builds one policy per step when it is constructed, and calls it only inside a run (a step
 * called outside any run behaves as if it had no {@code @Checkpoint}):
 * <pre>{@code
 * CheckpointRun run = Checkpoints.current();
 * if (run != null) {
 *   CodecWriter arguments = CodecWriter.arguments(DRAFT_ARGUMENTS_SCHEMA);
 *   ... write docs to arguments ...
 *   StepCall call = draft$checkpoint.begin(run, arguments);
 *   if (call.done()) {
 *     return call.decode(RESULT_CODEC);
 *   }
 *   String result = ... the step's other guards and its body ...;
 *   call.commit(RESULT_CODEC, result);
 *   return result;
 * }
 * }</pre>
 *
 * <p>{@link #begin} fingerprints the arguments and looks the step up among the run's records, which the run loaded
 * when it was entered:
 * <ul>
 *   <li>recorded with the same fingerprint: the call is {@linkplain StepCall#done() done};
 *   <li>recorded with another fingerprint: {@link CheckpointMismatchException}, recording nothing; or, with
 *       {@code rerunOnMismatch}, every record of the run from this step's on is discarded and the step is executed;
 *   <li>a STARTED marker without a result: {@link CheckpointInDoubtException} for an at-most-once step; any other
 *       step is executed again;
 *   <li>not recorded: the step is executed, after its STARTED marker is recorded if it is at most once.
 * </ul>
 * A step found recorded costs the encoding of its arguments into its thread's reused buffer, a fingerprint and two
 * map lookups, and allocates nothing but the value its codec decodes.
 *
 * <p>An at-most-once step that throws keeps its STARTED marker: the failure may have come after its effect, so a
 * resume finds it in doubt. This class is immutable and thread-safe.
 */
public final class StepPolicy {

  private final String name;
  private final boolean rerunOnMismatch;
  private final boolean atMostOnce;

  private StepPolicy(String name, boolean rerunOnMismatch, boolean atMostOnce) {
    this.name = name;
    this.rerunOnMismatch = rerunOnMismatch;
    this.atMostOnce = atMostOnce;
  }

  /**
   * Returns the policy of one step.
   *
   * @param name the step's name in the store: its {@code @Checkpoint(name = ...)}, or its method's name
   * @param rerunOnMismatch {@code true} for {@code onMismatch = RERUN}, {@code false} for {@code FAIL}
   * @param atMostOnce the step's {@code @Checkpoint(atMostOnce = ...)}
   * @return the policy
   * @throws NullPointerException if {@code name} is null
   * @throws ConfigurationException if {@code name} is empty
   */
  public static StepPolicy of(String name, boolean rerunOnMismatch, boolean atMostOnce) {
    if (name == null) {
      throw new NullPointerException("name");
    }
    if (name.isEmpty()) {
      throw new ConfigurationException("a @Checkpoint step's name is empty; name it with @Checkpoint(name = \"...\")"
          + " or leave the name to default to the method's");
    }
    return new StepPolicy(name, rerunOnMismatch, atMostOnce);
  }

  /**
   * Returns the policy of one step, with its config overrides applied: {@code <method>/Checkpoint/onMismatch}
   * ({@code FAIL} or {@code RERUN}) and {@code <method>/Checkpoint/atMostOnce} ({@code true} or {@code false}),
   * then the same keys without the method for every step. {@code name} and {@code codec} are fixed, and so is
   * {@code enabled}: a step cannot be turned off without breaking the record its runs keep.
   *
   * @param method the step's method, as {@code com.example.ReportChain/search}: the prefix of its config keys
   * @param name the step's name in the store: its {@code @Checkpoint(name = ...)}, or its method's name
   * @param rerunOnMismatch {@code true} for {@code onMismatch = RERUN}, {@code false} for {@code FAIL}
   * @param atMostOnce the step's {@code @Checkpoint(atMostOnce = ...)}
   * @param context where the config comes from, read once, here
   * @return the policy
   * @throws NullPointerException if an argument is null
   * @throws ConfigurationException if {@code name} is empty, or a key sets a fixed attribute or a bad value; the
   *     message names the key
   */
  public static StepPolicy of(String method, String name, boolean rerunOnMismatch, boolean atMostOnce,
      ChainmailContext context) {
    if (method == null || context == null) {
      throw new NullPointerException(method == null ? "method" : "context");
    }
    Settings settings = new Settings(rerunOnMismatch, atMostOnce);
    ConfigOverrides.apply(context.config(), method, false, "Checkpoint", OVERRIDES, FIXED, settings,
        Overrides.INSTANCE);
    return of(name, settings.rerunOnMismatch, settings.atMostOnce);
  }

  private static final String[] OVERRIDES = {"onMismatch", "atMostOnce"};
  private static final String[][] FIXED = {
      {"name", "names the step's records in the store, so changing it would orphan them"},
      {"codec", "is compiled into the proxy"},
      {"enabled", "would turn off a durable step, breaking the record its runs keep"}};

  /** The overridable settings, while overrides are applied. */
  private static final class Settings {
    boolean rerunOnMismatch;
    boolean atMostOnce;

    Settings(boolean rerunOnMismatch, boolean atMostOnce) {
      this.rerunOnMismatch = rerunOnMismatch;
      this.atMostOnce = atMostOnce;
    }
  }

  /** Sets a step's settings from its {@code /Checkpoint/} config keys. */
  private enum Overrides implements ConfigOverrides.Target<Settings> {
    INSTANCE;

    @Override
    public void set(Settings settings, String attribute, String value) {
      if (attribute.equals("atMostOnce")) {
        settings.atMostOnce = ConfigOverrides.parseBoolean(value);
      } else if (value.equals("RERUN") || value.equals("FAIL")) {
        settings.rerunOnMismatch = value.equals("RERUN");
      } else {
        throw new IllegalArgumentException("'" + value + "' is neither FAIL nor RERUN");
      }
    }
  }

  /** @return the step's name in the store */
  public String name() {
    return name;
  }

  /** @return {@code true} if a mismatch executes the step again, {@code false} if it fails the call */
  public boolean rerunOnMismatch() {
    return rerunOnMismatch;
  }

  /** @return {@code true} if the step records a STARTED marker before it executes */
  public boolean atMostOnce() {
    return atMostOnce;
  }

  /**
   * Begins a call of a step without {@code @StepKey}: its key is the number of calls of its name before it in the
   * run, from {@code "0"}, counted per run on every thread.
   *
   * @param run the current run, from {@link Checkpoints#current()}
   * @param arguments the step's arguments, from {@link CodecWriter#arguments(long)}, which are fingerprinted and
   *     the writer ended
   * @return the call: done, or to be executed and committed
   * @throws NullPointerException if an argument is null
   * @throws IllegalStateException if the run's entry has returned, or the store fails
   * @throws CheckpointMismatchException if the step is recorded with other arguments and does not rerun
   * @throws CheckpointInDoubtException if the step is at most once and was started without being recorded
   */
  public StepCall begin(CheckpointRun run, CodecWriter arguments) {
    return run.begin(this, null, fingerprint(run, arguments));
  }

  /**
   * Begins a call of a step with a {@code @StepKey} {@code String} parameter.
   *
   * @param run the current run, from {@link Checkpoints#current()}
   * @param key the value of the step's {@code @StepKey} parameter, the same on every replay
   * @param arguments the step's arguments, from {@link CodecWriter#arguments(long)}, which are fingerprinted and
   *     the writer ended
   * @return the call: done, or to be executed and committed
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code key} is empty
   * @throws IllegalStateException if the run's entry has returned, or the store fails
   * @throws CheckpointMismatchException if the step is recorded with other arguments and does not rerun
   * @throws CheckpointInDoubtException if the step is at most once and was started without being recorded
   */
  public StepCall begin(CheckpointRun run, String key, CodecWriter arguments) {
    Fingerprints fingerprints = fingerprint(run, arguments);
    if (key == null) {
      throw new NullPointerException("the @StepKey argument of step '" + name + "' is null; a key names the"
          + " occurrence of the step and must be the same on every replay");
    }
    if (key.isEmpty()) {
      throw new IllegalArgumentException("the @StepKey argument of step '" + name + "' is empty; a key names the"
          + " occurrence of the step and must be the same on every replay");
    }
    return run.begin(this, key, fingerprints);
  }

  /**
   * Begins a call of a step with a {@code @StepKey} {@code int} or {@code long} parameter, whose key is its decimal
   * text: the same record as {@code begin(run, Long.toString(key), arguments)}, without formatting small keys.
   *
   * @param run the current run, from {@link Checkpoints#current()}
   * @param key the value of the step's {@code @StepKey} parameter, the same on every replay
   * @param arguments the step's arguments, from {@link CodecWriter#arguments(long)}, which are fingerprinted and
   *     the writer ended
   * @return the call: done, or to be executed and committed
   * @throws NullPointerException if {@code run} or {@code arguments} is null
   * @throws IllegalStateException if the run's entry has returned, or the store fails
   * @throws CheckpointMismatchException if the step is recorded with other arguments and does not rerun
   * @throws CheckpointInDoubtException if the step is at most once and was started without being recorded
   */
  public StepCall begin(CheckpointRun run, long key, CodecWriter arguments) {
    Fingerprints fingerprints = fingerprint(run, arguments);
    String text = key >= 0 && key < StepKeys.CACHED ? StepKeys.occurrence((int) key) : Long.toString(key);
    return run.begin(this, text, fingerprints);
  }

  /** Fingerprints the arguments into the thread's fingerprinter, ending their writer, and checks {@code run}. */
  private static Fingerprints fingerprint(CheckpointRun run, CodecWriter arguments) {
    if (arguments == null) {
      throw new NullPointerException("arguments");
    }
    Fingerprints fingerprints = Fingerprints.get();
    arguments.fingerprintInto(fingerprints);
    if (run == null) {
      throw new NullPointerException("run is null; a step outside any run executes without StepPolicy");
    }
    return fingerprints;
  }

  @Override
  public String toString() {
    return "StepPolicy[name=" + name + ", rerunOnMismatch=" + rerunOnMismatch + ", atMostOnce=" + atMostOnce + "]";
  }
}
