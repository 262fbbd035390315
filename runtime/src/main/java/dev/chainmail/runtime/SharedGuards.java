package dev.chainmail.runtime;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The guards of one {@link ChainmailContext} that are shared by name: one instance per kind and name. The first
 * build registers its guard; a later build with the same configuration gets that instance, and one with another
 * configuration is refused. This class is thread-safe.
 */
final class SharedGuards {

  private final ConcurrentHashMap<String, Registration> guards = new ConcurrentHashMap<>();

  /** A registered guard and the method that registered it. */
  private static final class Registration {
    final Object guard;
    final String method;
    final String description;

    Registration(Object guard, String method, String description) {
      this.guard = guard;
      this.method = method;
      this.description = description;
    }
  }

  /**
   * Returns the guard registered under {@code kind} and {@code name}, registering {@code candidate} if there is
   * none; returns {@code candidate} itself when {@code name} is empty, which shares nothing. Configurations are
   * compared through their descriptions (their {@code toString()}), which list every attribute and the name, but
   * not the method. Each kind holds guards of one class, which is what makes the cast safe.
   *
   * @throws ConfigurationException if a guard with another description is registered under the name
   */
  @SuppressWarnings("unchecked")
  <T> T share(String kind, String name, String method, T candidate) {
    if (name.isEmpty()) {
      return candidate;
    }
    String description = candidate.toString();
    Registration fresh = new Registration(candidate, method, description);
    Registration existing = guards.putIfAbsent(kind + "/" + name, fresh);
    if (existing == null) {
      return candidate;
    }
    if (!existing.description.equals(description)) {
      throw new ConfigurationException(method + ": the " + kind + " named '" + name + "' is already registered by "
          + existing.method + " as " + existing.description + ", but this method configures it as "
          + description + "; guards that share a name must be configured alike, or have different names");
    }
    return (T) existing.guard;
  }
}
