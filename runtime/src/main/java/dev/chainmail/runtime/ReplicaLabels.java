package dev.chainmail.runtime;

/**
 * How a guard built for one replica of a {@code @Replicated} method is labelled: its method, in messages and
 * events, becomes {@code com.example.Answerer/answer[1]}, and a shared name becomes {@code openai#1}, so that each
 * replica has a guard of its own, shared by name only with the same replica of other methods. Config keys keep the
 * plain method: one override configures every replica alike.
 */
final class ReplicaLabels {

  /** The replica of a guard that belongs to no replica. */
  static final int NONE = -1;

  private ReplicaLabels() {}

  /** @return the method as a replica's guard names it */
  static String method(String method, int replica) {
    return replica == NONE ? method : method + "[" + replica + "]";
  }

  /** @return the shared name of a replica's guard; empty stays empty, since an unnamed guard is not shared */
  static String name(String name, int replica) {
    return replica == NONE || name.isEmpty() ? name : name + "#" + replica;
  }

  /** Checks a replica index given to a builder. */
  static int check(String method, int replica) {
    if (replica < 0) {
      throw new ConfigurationException(method + ": a replica index counts from 0, was " + replica);
    }
    return replica;
  }
}
