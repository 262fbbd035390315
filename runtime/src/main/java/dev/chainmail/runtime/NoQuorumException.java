package dev.chainmail.runtime;

import java.util.List;
import java.util.Objects;

/**
 * Thrown by a {@code QUORUM} call once no value can reach its quorum any more: too many replicas failed, which
 * abstains, or disagreed. It carries every replica's vote. The message names the method and the quorum, and lists
 * the votes. The first failure among the votes, if any, is the cause; the others are suppressed.
 *
 * <p>Instances are immutable and thread-safe, apart from what {@link Throwable} lets anyone change.
 */
public class NoQuorumException extends ResilienceException {

  private static final long serialVersionUID = 1L;

  /** The votes; not serialized with the exception, since their keys need not be serializable. */
  private final transient List<Vote> votes;

  /**
   * One replica's vote: what it answered, as compared, or how it failed; neither for a replica cancelled before it
   * answered.
   *
   * @param replica the replica's index, from 0, as in {@link ReplicaHealth}
   * @param key what was compared: the answer, or its {@code voteBy} key; null for a failure or a cancelled call
   * @param failure the replica's own exception, unwrapped; null for an answer or a cancelled call
   */
  public record Vote(int replica, Object key, Throwable failure) {}

  /**
   * Creates the exception of a call that reached no quorum.
   *
   * @param method the replicated method, as {@code com.example.Answerer/answer}
   * @param quorum how many replicas had to agree
   * @param votes one vote per replica called, in index order
   * @throws NullPointerException if an argument is null
   */
  public NoQuorumException(String method, int quorum, List<Vote> votes) {
    super(method, message(method, quorum, votes), firstFailure(votes));
    this.votes = List.copyOf(votes);
    Throwable cause = getCause();
    for (Vote vote : this.votes) {
      if (vote.failure() != null && vote.failure() != cause) {
        addSuppressed(vote.failure());
      }
    }
  }

  /**
   * @return one vote per replica called, in index order; empty after deserialization
   */
  public List<Vote> votes() {
    return votes == null ? List.of() : votes;
  }

  private static Throwable firstFailure(List<Vote> votes) {
    for (Vote vote : Objects.requireNonNull(votes, "votes")) {
      if (vote.failure() != null) {
        return vote.failure();
      }
    }
    return null;
  }

  private static String message(String method, int quorum, List<Vote> votes) {
    StringBuilder text = new StringBuilder(Objects.requireNonNull(method, "method"))
        .append(": no quorum of ").append(quorum).append(" among ").append(votes.size()).append(" replicas");
    String separator = ": ";
    for (Vote vote : votes) {
      text.append(separator).append("replica ").append(vote.replica());
      if (vote.failure() != null) {
        text.append(" failed (").append(vote.failure().getClass().getSimpleName()).append(')');
      } else if (vote.key() != null) {
        String key = String.valueOf(vote.key());
        text.append(" voted '").append(key.length() > 40 ? key.substring(0, 40) + "…" : key).append('\'');
      } else {
        text.append(" did not answer");
      }
      separator = ", ";
    }
    return text.toString();
  }
}
