package dev.chainmail.runtime;

import java.util.Objects;

/**
 * The failures of one replicated call, replica after replica, kept so that the last one can carry the others.
 * Generated code uses it on the failure path only:
 * <pre>{@code
 * failures = ReplicaFailures.add(failures, e);      // before trying the next replica
 * throw ReplicaFailures.attach(failures, e);       // when no replica is left
 * }</pre>
 * <p>Each {@link #add} allocates one small node. This class is immutable and thread-safe, though one call's
 * failures are only ever used on its own thread.
 */
public final class ReplicaFailures {

  private final ReplicaFailures earlier;
  private final Throwable failure;
  private final int count;

  private ReplicaFailures(ReplicaFailures earlier, Throwable failure) {
    this.earlier = earlier;
    this.failure = failure;
    this.count = earlier == null ? 1 : earlier.count + 1;
  }

  /**
   * Returns the failures so far with one more after them.
   *
   * @param earlier the failures so far; null for the first failure of a call
   * @param failure the new failure
   * @return the failures, {@code failure} last
   * @throws NullPointerException if {@code failure} is null
   */
  public static ReplicaFailures add(ReplicaFailures earlier, Throwable failure) {
    return new ReplicaFailures(earlier, Objects.requireNonNull(failure, "failure"));
  }

  /**
   * Adds every earlier failure to {@code last} as a {@linkplain Throwable#addSuppressed suppressed} exception, in
   * the order they happened, and returns {@code last}, so that generated code can write
   * {@code throw ReplicaFailures.attach(failures, e);}. A failure that is {@code last} itself, or that was added
   * before, is attached once at most and never to itself.
   *
   * @param earlier the failures before {@code last}; null if there were none
   * @param last the failure to throw
   * @param <X> the type of {@code last}
   * @return {@code last}
   * @throws NullPointerException if {@code last} is null
   */
  public static <X extends Throwable> X attach(ReplicaFailures earlier, X last) {
    Objects.requireNonNull(last, "last");
    if (earlier == null) {
      return last;
    }
    Throwable[] inOrder = new Throwable[earlier.count];
    int i = inOrder.length;
    for (ReplicaFailures node = earlier; node != null; node = node.earlier) {
      inOrder[--i] = node.failure;
    }
    for (int k = 0; k < inOrder.length; k++) {
      Throwable failure = inOrder[k];
      if (failure != last && !seenBefore(inOrder, k)) {
        last.addSuppressed(failure);
      }
    }
    return last;
  }

  private static boolean seenBefore(Throwable[] failures, int k) {
    for (int j = 0; j < k; j++) {
      if (failures[j] == failures[k]) {
        return true;
      }
    }
    return false;
  }

  /** @return how many failures these are */
  public int size() {
    return count;
  }
}
