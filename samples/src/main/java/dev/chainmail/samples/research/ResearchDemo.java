package dev.chainmail.samples.research;

import dev.chainmail.runtime.ChainmailContext;
import dev.chainmail.runtime.ChainmailListener;
import dev.chainmail.runtime.CircuitBreakerPolicy;
import java.io.IOException;

/**
 * Runs the research chain against a flaky model, printing what the generated proxy does: first a call that
 * succeeds after two retries, then one during which the circuit breaker opens and the fallback answers, then one
 * the open breaker rejects without calling the model.
 */
public final class ResearchDemo {

  private ResearchDemo() {}

  public static void main(String[] args) throws IOException {
    ChainmailListener printer = new ChainmailListener() {
      @Override
      public void onRetry(String method, int attempt, Throwable failure, long pauseNanos) {
        System.out.printf("  %s: attempt %d failed (%s); retrying in %d ms%n",
            method, attempt, failure.getMessage(), pauseNanos / 1_000_000);
      }

      @Override
      public void onRetriesExhausted(String method, int attempts, Throwable failure) {
        System.out.printf("  %s: giving up after %d attempts%n", method, attempts);
      }

      @Override
      public void onFallback(String method, Throwable failure) {
        System.out.printf("  %s: falling back (%s)%n", method, failure.getClass().getSimpleName());
      }

      @Override
      public void onStateChange(String breaker, CircuitBreakerPolicy.State from, CircuitBreakerPolicy.State to) {
        System.out.printf("  %s: circuit breaker %s -> %s%n", breaker, from, to);
      }
    };
    FlakyModel model = new FlakyModel();
    ResearchChain chain = new ResilientResearchChain(ChainmailContext.builder().listener(printer).build(), model);

    System.out.println("1. The model times out twice, then answers:");
    model.failNext(2);
    System.out.println("  => " + chain.answer("What is six times seven?"));

    System.out.println("2. The model stays down; the fallback answers from the cache:");
    model.failNext(Integer.MAX_VALUE);
    System.out.println("  => " + chain.answer("What is six times seven?"));

    System.out.println("3. Most recent calls failed, so the breaker is open: the cache answers at once:");
    int before = model.calls();
    System.out.println("  => " + chain.answer("What is six times seven?"));
    System.out.println("  (the model was not called: " + (model.calls() - before) + " calls)");

    System.out.println("The model was called " + model.calls() + " times.");
  }
}
