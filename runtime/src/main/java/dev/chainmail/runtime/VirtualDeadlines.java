package dev.chainmail.runtime;

import java.util.ArrayList;

/**
 * The deadlines armed against one {@link VirtualTime}, fired synchronously when its clock reaches them. This class
 * is thread-safe.
 */
final class VirtualDeadlines implements DeadlineWatch {

  private final Clock clock;
  private final ArrayList<TimeoutPolicy.Deadline> armed = new ArrayList<>();
  /** The size of {@link #armed}, readable without the lock. */
  private volatile int count;

  VirtualDeadlines(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void armed(TimeoutPolicy.Deadline deadline) {
    synchronized (this) {
      armed.add(deadline);
      count = armed.size();
    }
    fireDue(clock.nanoTime());
  }

  @Override
  public synchronized void disarmed(TimeoutPolicy.Deadline deadline) {
    armed.remove(deadline);
    count = armed.size();
  }

  /** Fires every armed deadline at or before {@code now}, on the calling thread. */
  void fireDue(long now) {
    if (count == 0) {
      return;
    }
    synchronized (this) {
      for (int i = armed.size() - 1; i >= 0; i--) {
        TimeoutPolicy.Deadline deadline = armed.get(i);
        long word = deadline.word();
        if (!TimeoutPolicy.Deadline.isArmed(word)) {
          armed.remove(i);
        } else if (now >= deadline.at && deadline.fire(word)) {
          armed.remove(i);
        }
      }
      count = armed.size();
    }
  }
}
