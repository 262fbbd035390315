package dev.chainmail.benchmarks;

import dev.chainmail.benchmarks.chains.BudgetedRetryChain;
import dev.chainmail.benchmarks.chains.ResilientBudgetedRetryChain;
import dev.chainmail.benchmarks.chains.ResilientRetryChain;
import dev.chainmail.benchmarks.chains.RetryChain;
import dev.chainmail.runtime.ChainmailContext;
import dev.chainmail.runtime.ChainmailListener;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scenario {@code retry-events}: the success path of {@code @Retry(maxAttempts = 3)} with no listener and the
 * flight recorder off, with the recorder on (the default, no recording running), and with a listener set; and
 * with a retry budget, whose call counting is the one cost a retry adds to a successful call. Events only happen
 * on the failure path, so the first three must match.
 */
@BenchmarkMode(Mode.AverageTime)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class RetryEventsBenchmark {

  /** The input: a field, not a constant, so that the call cannot be folded away. */
  int x = 41;

  private RetryChain plain;
  private RetryChain quiet;
  private RetryChain recorded;
  private RetryChain listened;
  private BudgetedRetryChain budgeted;

  @Setup(Level.Trial)
  public void setUp() {
    plain = new RetryChain();
    quiet = new ResilientRetryChain(ChainmailContext.builder().flightRecorder(false).build());
    recorded = new ResilientRetryChain(ChainmailContext.builder().build());
    listened = new ResilientRetryChain(ChainmailContext.builder()
        .listener(new ChainmailListener() {
          @Override
          public void onRetry(String method, int attempt, Throwable failure, long pauseNanos) {
            throw new AssertionError("no retry on the success path");
          }
        }).build());
    budgeted = new ResilientBudgetedRetryChain(ChainmailContext.builder().build());
    int expected = direct();
    Sanity.sameResult("retry-events", "quiet", expected, noListenerNoRecorder());
    Sanity.sameResult("retry-events", "recorded", expected, flightRecorderOn());
    Sanity.sameResult("retry-events", "listened", expected, withListener());
    Sanity.sameResult("retry-events", "budgeted", expected, withBudget());
  }

  @Benchmark
  public int direct() {
    return plain.call(x);
  }

  @Benchmark
  public int noListenerNoRecorder() {
    return quiet.call(x);
  }

  @Benchmark
  public int flightRecorderOn() {
    return recorded.call(x);
  }

  @Benchmark
  public int withListener() {
    return listened.call(x);
  }

  @Benchmark
  public int withBudget() {
    return budgeted.call(x);
  }
}
