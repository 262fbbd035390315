package dev.chainmail.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * One call of a {@code QUORUM} method: it calls every healthy replica at once, tallies their answers by key, and
 * completes, once a key reaches the quorum, with the first answer that gave that key, cancelling the calls still
 * under way. A failure
 * abstains. As soon as no key can reach the quorum any more, it fails with {@link NoQuorumException}. A failure
 * that {@code failOn} and {@code skipOn} say is not a replica's propagates at once, as in the other strategies.
 *
 * <p>Decisions are taken under this object's lock, which is never held while the chain's code runs. This class is
 * thread-safe.
 *
 * @param <T> the type of the value
 */
final class AsyncQuorum<T> extends ParallelReplicaCall<T> {

  private final Function<? super T, ?> voteBy;
  private final int quorum;
  private final int[] voters;

  // Guarded by this.
  private final NoQuorumException.Vote[] votes;
  private final Map<Object, Integer> tally = new HashMap<>();
  /** The first answer of each key, which the call returns if the key wins. */
  private final Map<Object, T> firstAnswers = new HashMap<>();
  private int pending;
  private int leading;

  AsyncQuorum(ReplicaPolicy policy, IntFunction<? extends CompletionStage<? extends T>> call,
      Predicate<? super Throwable> counted, Function<? super T, ?> voteBy, int quorum) {
    super(policy, call, counted);
    this.voteBy = voteBy;
    this.quorum = quorum;
    this.voters = voters(set, method, quorum);
    this.votes = new NoQuorumException.Vote[set.size()];
    this.pending = voters.length;
  }

  /**
   * The replicas to call: the healthy ones, or every replica when too few are healthy to reach the quorum, since
   * an ejected replica may have recovered.
   */
  private static int[] voters(ReplicaSet<?> set, String method, int quorum) {
    List<Integer> healthy = new ArrayList<>();
    for (int i = 0; i < set.size(); i++) {
      if (set.available(i, method)) {
        healthy.add(i);
      }
    }
    if (healthy.size() < quorum) {
      int[] all = new int[set.size()];
      for (int i = 0; i < all.length; i++) {
        all[i] = i;
      }
      return all;
    }
    return healthy.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Calls every voter. */
  void start() {
    for (int replica : voters) {
      if (isDone()) {
        return;
      }
      launch(replica);
    }
  }

  @Override
  void outcome(int replica, T value, Throwable failure) {
    Object key = null;
    Throwable abstained = failure;
    if (failure == null) {
      try {
        key = voteBy.apply(value);
      } catch (Throwable broken) {
        abstained = broken;
      }
    }
    boolean won = false;
    T winner = null;
    boolean lost = false;
    boolean propagate = false;
    List<NoQuorumException.Vote> cast = null;
    synchronized (this) {
      if (isDone()) {
        return;
      }
      pending--;
      if (abstained == null) {
        votes[replica] = new NoQuorumException.Vote(replica, key, null);
        int count = tally.merge(key, 1, Integer::sum);
        firstAnswers.putIfAbsent(key, value);
        leading = Math.max(leading, count);
        won = count >= quorum;
        winner = firstAnswers.get(key);
      } else if (failure != null && !counted.test(failure)) {
        propagate = true;
      } else {
        votes[replica] = new NoQuorumException.Vote(replica, null, abstained);
      }
      if (!won && !propagate && leading + pending < quorum) {
        lost = true;
        cast = castVotes();
      }
    }
    if (failure == null) {
      set.succeeded(replica, method);
    } else if (counted.test(failure)) {
      set.failed(replica, method, failure);
    }
    if (won) {
      complete(winner);
    } else if (propagate) {
      completeExceptionally(failure);
    } else if (lost) {
      completeExceptionally(new NoQuorumException(method, quorum, cast));
    } else {
      return;
    }
    cancelOthers();
  }

  /** Under the lock: one vote per replica called, a cancelled or unanswered one with neither key nor failure. */
  private List<NoQuorumException.Vote> castVotes() {
    List<NoQuorumException.Vote> cast = new ArrayList<>(voters.length);
    for (int replica : voters) {
      cast.add(Objects.requireNonNullElse(votes[replica], new NoQuorumException.Vote(replica, null, null)));
    }
    return cast;
  }
}
