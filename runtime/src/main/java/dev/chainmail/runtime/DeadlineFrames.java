package dev.chainmail.runtime;

import java.util.Arrays;

/**
 * The deadlines of one thread, one per nesting depth of guarded calls, allocated once per depth and reused across
 * calls. Only the owner thread pushes and pops; watches read {@link #stack} from other threads.
 */
final class DeadlineFrames {

  /** Each thread's frames, created at its first timeout. */
  private static final ThreadLocal<DeadlineFrames> CURRENT = new Local();

  final Thread owner;
  /** Replaced, never shrunk, when the nesting grows; watches read it without a lock. */
  volatile TimeoutPolicy.Deadline[] stack = new TimeoutPolicy.Deadline[4];
  /** Whether {@link Watchdog} knows these frames; read and written by the owner only. */
  boolean watched;
  private int depth;

  private DeadlineFrames(Thread owner) {
    this.owner = owner;
  }

  static DeadlineFrames current() {
    return CURRENT.get();
  }

  /** @return the deadline of the next depth, which becomes the current depth */
  TimeoutPolicy.Deadline push() {
    int d = depth;
    TimeoutPolicy.Deadline[] s = stack;
    if (d == s.length) {
      s = Arrays.copyOf(s, d * 2);
      stack = s;
    }
    TimeoutPolicy.Deadline deadline = s[d];
    if (deadline == null) {
      deadline = new TimeoutPolicy.Deadline(this, d);
      s[d] = deadline;
    }
    depth = d + 1;
    return deadline;
  }

  /** Makes the depth below {@code deadline} the current one again. */
  void pop(TimeoutPolicy.Deadline deadline) {
    depth = deadline.depth;
  }

  /** Creates each thread's frames without a lambda, which cold start would pay for. */
  private static final class Local extends ThreadLocal<DeadlineFrames> {
    @Override
    protected DeadlineFrames initialValue() {
      return new DeadlineFrames(Thread.currentThread());
    }
  }
}
