package dev.chainmail.behaviour;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The delegate of the async tests: each call is recorded, with the value of {@link #CONTEXT} on its thread, and
 * returns a pending future that the test completes, unless a scripted outcome is queued for it. Used from one
 * thread at a time, as virtual time runs everything on the test's thread.
 */
final class ScriptedAsync implements AsyncChain {

  /** Stands for an MDC entry or a tracing span: what a context propagator carries. */
  static final ThreadLocal<String> CONTEXT = new ThreadLocal<>();

  /** One call: which method, its question, the context its thread had, and the future it returned (null if it threw). */
  record Call(String method, String question, String context, CompletableFuture<String> future) {}

  final List<Call> calls = new ArrayList<>();
  private final Deque<Supplier<CompletableFuture<String>>> script = new ArrayDeque<>();

  /** Queues the outcome of the next call that finds the queue non-empty: a future, a throw, or null. */
  void next(Supplier<CompletableFuture<String>> outcome) {
    script.add(outcome);
  }

  Call call(int index) {
    return calls.get(index);
  }

  CompletableFuture<String> future(int index) {
    return calls.get(index).future();
  }

  private CompletableFuture<String> record(String method, String question) {
    CompletableFuture<String> future = null;
    try {
      future = script.isEmpty() ? new CompletableFuture<>() : script.poll().get();
      return future;
    } finally {
      calls.add(new Call(method, question, CONTEXT.get(), future));
    }
  }

  @Override
  public CompletionStage<String> retried(String question) {
    return record("retried", question);
  }

  @Override
  public CompletableFuture<String> checked(String question) {
    return record("checked", question);
  }

  @Override
  public CompletionStage<String> budgeted(String question) {
    return record("budgeted", question);
  }

  @Override
  public CompletionStage<String> withFallback(String question) {
    return record("withFallback", question);
  }

  @Override
  public CompletionStage<String> timed(String question) {
    return record("timed", question);
  }

  @Override
  public CompletionStage<String> single(String question) {
    return record("single", question);
  }

  @Override
  public CompletionStage<String> queued(String question) {
    return record("queued", question);
  }

  @Override
  public CompletionStage<String> timedSingle(String question) {
    return record("timedSingle", question);
  }

  @Override
  public CompletionStage<String> breaker(String question) {
    return record("breaker", question);
  }

  @Override
  public CompletionStage<String> limited(String question) {
    return record("limited", question);
  }

  @Override
  public CompletionStage<String> stacked(String question) {
    return record("stacked", question);
  }
}
