package dev.chainmail.samples.replicas;

import java.io.IOException;
import java.io.PrintStream;

/**
 * A scripted provider: healthy, dead (every call and probe fails), or flaky (every other call fails, probes pass).
 * Counts its calls. Not thread-safe: the demo calls it from one thread and the heartbeat from the virtual clock's.
 */
public final class Provider implements Answerer {

  /** How a provider behaves. */
  public enum Behaviour {
    HEALTHY, DEAD, FLAKY
  }

  private final String name;
  private final PrintStream log;
  private volatile Behaviour behaviour;
  private int calls;

  /**
   * @param name the provider's name, which its answers are
   * @param behaviour how it behaves until {@link #behave} changes it
   * @param log where it tells of each failed call
   */
  public Provider(String name, Behaviour behaviour, PrintStream log) {
    this.name = name;
    this.behaviour = behaviour;
    this.log = log;
  }

  /** Changes how the provider behaves from now on, as when a dead one comes back. */
  public void behave(Behaviour behaviour) {
    this.behaviour = behaviour;
  }

  @Override
  public String answer(String question) throws IOException {
    calls++;
    if (behaviour == Behaviour.DEAD || (behaviour == Behaviour.FLAKY && calls % 2 == 0)) {
      log.printf("    x %s failed; the call moves on%n", name);
      throw new IOException(name + " failed call " + calls);
    }
    return name;
  }

  @Override
  public boolean ping() {
    return behaviour != Behaviour.DEAD;
  }

  /** @return how many calls reached the provider */
  public int calls() {
    return calls;
  }

  @Override
  public String toString() {
    return name;
  }
}
