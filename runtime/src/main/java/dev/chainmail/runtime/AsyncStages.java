package dev.chainmail.runtime;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * What the proxy of an asynchronous method, one returning {@link CompletionStage} or {@link CompletableFuture},
 * builds its stages with. Each guard of such a method takes the stage beneath it and returns its own, which
 * completes with the same outcome once the guard has done its part, and whose cancellation cancels the stage beneath
 * it, down to the chain's own. A failure thrown by a method, instead of returned in its stage, is turned into a
 * failed stage, so that the guards treat it alike.
 *
 * <p>This class is thread-safe.
 */
public final class AsyncStages {

  private AsyncStages() {}

  /**
   * Returns the chain's stage as a future: the stage itself if it is a plain {@link CompletableFuture}, else one
   * that follows it.
   *
   * @param stage what the chain's method returned
   * @param method the method, as {@code com.example.ResearchChain/answer}, named if the stage is null
   * @param <T> the type of its value
   * @return the stage as a future; a failed one with a {@link NullPointerException} if the method returned null
   */
  @SuppressWarnings("unchecked") // Read-only: no proxy completes the chain's own future.
  public static <T> CompletableFuture<T> of(CompletionStage<? extends T> stage, String method) {
    if (stage == null) {
      return CompletableFuture.failedFuture(new NullPointerException(method
          + " returned null instead of a CompletionStage; return a stage, failed if the call failed"));
    }
    // Only a plain CompletableFuture is taken as it is: a subclass may refuse parts of the API, as the JDK's
    // minimalCompletionStage() refuses join() and cancel().
    if (stage.getClass() == CompletableFuture.class) {
      return (CompletableFuture<T>) stage;
    }
    StageRelay<T> relay = new StageRelay<>();
    relay.follow(stage);
    return relay;
  }

  /**
   * Returns a stage that has failed, for a guard that rejected the call or a method that threw.
   *
   * @param failure the failure
   * @param <T> the type of the value it will never have
   * @return a failed future
   */
  public static <T> CompletableFuture<T> failed(Throwable failure) {
    return CompletableFuture.failedFuture(failure);
  }

  /**
   * Returns the failure a stage's callback was given, unwrapped from the {@link CompletionException} or
   * {@link ExecutionException} that dependent stages wrap it in.
   *
   * @param thrown what the stage failed with; may be null
   * @return the failure itself; null if {@code thrown} is null
   */
  public static Throwable unwrap(Throwable thrown) {
    Throwable failure = thrown;
    while ((failure instanceof CompletionException || failure instanceof ExecutionException)
        && failure.getCause() != null) {
      failure = failure.getCause();
    }
    return failure;
  }

  /**
   * Recovers from a failed stage: the returned stage completes as {@code stage} does if it succeeds, and otherwise
   * as the stage {@code fallback} returns for the failure, which may be the failure again. What {@code fallback}
   * throws fails the returned stage. Cancelling the returned stage cancels {@code stage}, or the fallback's stage
   * once there is one.
   *
   * @param stage the stage beneath the fallback
   * @param fallback what answers a failure: the proxy's {@code applyOn} and {@code skipOn} checks, then the
   *     chain's fallback method
   * @param <T> the type of the value
   * @return the recovering stage
   * @throws NullPointerException if an argument is null
   */
  public static <T> CompletableFuture<T> recover(CompletionStage<? extends T> stage, Fallback<T> fallback) {
    Objects.requireNonNull(fallback, "fallback");
    Recovery<T> recovery = new Recovery<>(fallback);
    recovery.follow(Objects.requireNonNull(stage, "stage"));
    return recovery;
  }

  /**
   * The stage as a future if it has already succeeded, so that a guard with nothing left to do can return it as it
   * is; null otherwise, and for kinds of stage whose state cannot be read without a callback.
   */
  @SuppressWarnings("unchecked") // Read-only, and complete: nothing can change its value.
  static <T> CompletableFuture<T> succeeded(CompletionStage<? extends T> stage) {
    if (stage.getClass() != CompletableFuture.class && !(stage instanceof StageRelay)) {
      return null;
    }
    CompletableFuture<? extends T> future = (CompletableFuture<? extends T>) stage;
    return future.isDone() && !future.isCompletedExceptionally() ? (CompletableFuture<T>) future : null;
  }

  /**
   * What answers a failed stage in {@link #recover}: a stage for the failure, or the failure again in a failed
   * stage. It may throw, as the chain's fallback method may, which fails the recovering stage.
   *
   * @param <T> the type of the value
   */
  @FunctionalInterface
  public interface Fallback<T> {

    /**
     * @param failure what the stage beneath failed with, unwrapped
     * @return the stage that answers instead
     * @throws Throwable what the fallback method threw
     */
    CompletionStage<? extends T> answer(Throwable failure) throws Throwable;
  }

  /** Starts a call beneath a guard: what it throws fails the stage, and a null stage is a failure too. */
  static <T> CompletionStage<? extends T> start(Supplier<? extends CompletionStage<? extends T>> call) {
    CompletionStage<? extends T> stage;
    try {
      stage = call.get();
    } catch (Throwable failure) {
      return CompletableFuture.failedFuture(failure);
    }
    return stage != null ? stage : CompletableFuture.failedFuture(new NullPointerException(
        "the call beneath a guard returned a null stage"));
  }

  /** The stage of {@link #recover}: it follows the stage beneath, then, after a failure, the fallback's. */
  private static final class Recovery<T> extends StageRelay<T> {
    private final Fallback<T> fallback;
    private boolean recovering;

    Recovery(Fallback<T> fallback) {
      this.fallback = fallback;
    }

    @Override
    boolean onDone(T value, Throwable failure) throws Throwable {
      if (failure == null || recovering || isDone()) {
        return true;
      }
      recovering = true;
      CompletionStage<? extends T> answer = fallback.answer(failure);
      follow(answer != null ? answer : CompletableFuture.failedFuture(new NullPointerException(
          "the fallback method returned null instead of a CompletionStage")));
      return false;
    }
  }
}
