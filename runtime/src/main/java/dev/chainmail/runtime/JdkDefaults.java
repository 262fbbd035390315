package dev.chainmail.runtime;

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

  /** The system properties, read at each lookup. */
  enum SystemPropertiesConfig implements ChainmailConfig {
    INSTANCE;

    @Override
    public Optional<String> value(String key) {
      return Optional.ofNullable(System.getProperty(key));
    }
  }
}
