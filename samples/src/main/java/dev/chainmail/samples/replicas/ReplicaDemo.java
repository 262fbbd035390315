package dev.chainmail.samples.replicas;

import dev.chainmail.runtime.ChainmailContext;
import dev.chainmail.runtime.ChainmailListener;
import dev.chainmail.runtime.ReplicaHealth;
import dev.chainmail.runtime.VirtualTime;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Runs {@link Answerer} over three providers, one dead and one flaky, and prints which provider served each call,
 * and every ejection, re-admission and health snapshot; then a {@link Solver}'s draft, hedged away from a slow
 * provider, and its vote over three solutions. It runs on a virtual clock, so that ejections of seconds
 * pass in an instant; the heartbeat runs on that clock's scheduler.
 */
public final class ReplicaDemo {

  private static final long SECOND = 1_000_000_000L;

  private ReplicaDemo() {}

  public static void main(String[] args) throws IOException {
    run(System.out);
  }

  /** Runs the demo, printing to {@code out}; returns the proxy, for the sample's test. */
  static ResilientAnswerer run(PrintStream out) throws IOException {
    VirtualTime time = new VirtualTime();
    List<Provider> providers = List.of(new Provider("openai", Provider.Behaviour.HEALTHY, out),
        new Provider("anthropic", Provider.Behaviour.DEAD, out), new Provider("local", Provider.Behaviour.FLAKY, out));
    ChainmailListener printer = new ChainmailListener() {
      @Override
      public void onReplicaEjected(String method, int replica, Throwable failure) {
        out.printf("    ! %s ejected, after %s (%s)%n", providers.get(replica), shortName(method),
            failure == null ? "failed probes" : failure.getMessage());
      }

      @Override
      public void onReplicaReadmitted(String method, int replica) {
        out.printf("    + %s re-admitted by %s%n", providers.get(replica), shortName(method));
      }
    };
    ChainmailContext context = ChainmailContext.builder().clock(time).sleeper(time).listener(printer).build();
    ResilientAnswerer answerer = ResilientAnswerer.replicated(context, providers);

    out.println("1. Six calls, one a second, round robin over openai, anthropic (dead) and local (flaky):");
    calls(answerer, time, out, 6);
    health(answerer, providers, out);

    out.println("2. anthropic comes back; the heartbeat re-admits it before its ejection ends:");
    providers.get(1).behave(Provider.Behaviour.HEALTHY);
    time.advance(5 * SECOND);
    health(answerer, providers, out);

    out.println("3. Six more calls:");
    calls(answerer, time, out, 6);
    health(answerer, providers, out);
    out.printf("Calls that reached each provider: openai %d, anthropic %d, local %d.%n", providers.get(0).calls(),
        providers.get(1).calls(), providers.get(2).calls());
    hedgeAndVote(time, out);
    return answerer;
  }

  /** A slow provider's draft hedged by a faster one; then a vote over three solutions that differ in words. */
  private static void hedgeAndVote(VirtualTime time, PrintStream out) {
    List<String> names = List.of("openai", "anthropic", "local");
    ChainmailListener printer = new ChainmailListener() {
      @Override
      public void onHedgeSent(String method, int replica, int waitingOn) {
        out.printf("    > no draft from %s after 300 ms: hedge sent to %s%n", names.get(waitingOn),
            names.get(replica));
      }

      @Override
      public void onHedgeWon(String method, int replica, int first) {
        out.printf("    > the hedge to %s won; %s's call is cancelled%n", names.get(replica), names.get(first));
      }
    };
    ChainmailContext context = ChainmailContext.builder().clock(time).sleeper(time).listener(printer).build();
    ResilientSolver solver = ResilientSolver.replicated(context, List.of(
        new ScriptedSolver("openai", 2 * SECOND, "Six times seven is 42.", time.scheduler(), out),
        new ScriptedSolver("anthropic", SECOND / 10, "The product is 42", time.scheduler(), out),
        new ScriptedSolver("local", SECOND / 20, "I make it 41", time.scheduler(), out)));

    out.println("4. A draft, hedged: openai is slow today.");
    long start = time.nanoTime();
    long[] answered = new long[1];
    CompletableFuture<String> draft = solver.draft("an outline").toCompletableFuture()
        .whenComplete((text, failure) -> answered[0] = time.nanoTime());
    time.advance(3 * SECOND);
    out.printf("  => %s, after %d ms instead of 2000%n", draft.join(), (answered[0] - start) / 1_000_000);

    out.println("5. A vote over three solutions, compared by their last number:");
    out.printf("  => %s%n", solver.solve("six times seven?"));
  }

  private static void calls(ResilientAnswerer answerer, VirtualTime time, PrintStream out, int count)
      throws IOException {
    for (int i = 0; i < count; i++) {
      out.printf("  call %d: served by %s%n", i + 1, answerer.answer("question " + i));
      time.advance(SECOND);
    }
  }

  private static void health(ResilientAnswerer answerer, List<Provider> providers, PrintStream out) {
    for (ReplicaHealth health : answerer.replicaHealth()) {
      out.printf("  %-9s %s, %d consecutive failures, ejected %d times%n", providers.get(health.index()),
          health.ejected() ? "EJECTED" : "healthy", health.consecutiveFailures(), health.ejections());
    }
  }

  private static String shortName(String method) {
    return method.substring(method.indexOf('/') + 1);
  }
}
