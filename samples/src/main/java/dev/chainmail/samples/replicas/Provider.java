package dev.chainmail.samples.replicas;

import java.io.IOException;

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
  private volatile Behaviour behaviour;
  private int calls;

  public Provider(String name, Behaviour behaviour) {
    this.name = name;
    this.behaviour = behaviour;
  }

  /** Changes how the provider behaves from now on, as when a dead one comes back. */
  public void behave(Behaviour behaviour) {
    this.behaviour = behaviour;
  }

  @Override
  public String answer(String question) throws IOException {
    calls++;
    if (behaviour == Behaviour.DEAD || (behaviour == Behaviour.FLAKY && calls % 2 == 0)) {
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
