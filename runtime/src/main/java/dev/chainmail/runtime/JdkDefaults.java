package dev.chainmail.runtime;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The JDK-backed defaults of a {@link ChainmailContext}, as named singletons rather than lambdas: a lambda spins a
 * class the first time it is evaluated, which cold start (the first proxy a process builds) pays for.
 */
final class JdkDefaults {

  private JdkDefaults() {}

  /** {@link System#nanoTime()}. */
  enum SystemClock implements Clock {
    INSTANCE;

    @Override
    public long nanoTime() {
      return System.nanoTime();
    }
  }

  /** {@link Thread#sleep(long, int)}. */
  enum ThreadSleeper implements Sleeper {
    INSTANCE;

    @Override
    public void sleep(long nanos) throws InterruptedException {
      Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
    }
  }

  /** {@link ThreadLocalRandom}, which does not contend across threads. */
  enum ThreadLocalRandomSource implements RandomSource {
    INSTANCE;

    @Override
    public double nextDouble() {
      return ThreadLocalRandom.current().nextDouble();
    }
  }

  /** A config with no keys. */
  enum EmptyConfig implements ChainmailConfig {
    INSTANCE;

    @Override
    public Optional<String> value(String key) {
      return Optional.empty();
    }
  }

  /** What {@link ChainmailConfig#defaults()} returns. */
  static final ChainmailConfig DEFAULT_CONFIG = new FirstOf(SystemPropertiesConfig.INSTANCE,
      EnvironmentConfig.INSTANCE);

  /** The system properties, read at each lookup. */
  enum SystemPropertiesConfig implements ChainmailConfig {
    INSTANCE;

    @Override
    public Optional<String> value(String key) {
      return Optional.ofNullable(System.getProperty(key));
    }
  }

  /** The environment variables, by MicroProfile Config's three names of a key. */
  enum EnvironmentConfig implements ChainmailConfig {
    INSTANCE;

    @Override
    public Optional<String> value(String key) {
      String value = System.getenv(key);
      if (value == null) {
        String sanitized = sanitize(key);
        value = System.getenv(sanitized);
        if (value == null) {
          value = System.getenv(sanitized.toUpperCase(Locale.ROOT));
        }
      }
      return Optional.ofNullable(value);
    }

    /** {@code key} with each character but ASCII letters, digits and {@code _} replaced by {@code _}. */
    static String sanitize(String key) {
      StringBuilder name = new StringBuilder(key.length());
      for (int i = 0; i < key.length(); i++) {
        char c = key.charAt(i);
        boolean kept = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
        name.append(kept ? c : '_');
      }
      return name.toString();
    }
  }

  /** One config, then another for the keys the first does not set. */
  record FirstOf(ChainmailConfig first, ChainmailConfig second) implements ChainmailConfig {

    @Override
    public Optional<String> value(String key) {
      Optional<String> value = first.value(key);
      return value.isPresent() ? value : second.value(key);
    }
  }
}
