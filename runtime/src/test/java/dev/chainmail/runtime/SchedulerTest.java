package dev.chainmail.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class SchedulerTest {

  private final VirtualTime time = new VirtualTime();
  private final Scheduler scheduler = time.scheduler();
  private final List<String> ran = new ArrayList<>();

  private Runnable record(String name) {
    return () -> ran.add(name + "@" + time.nanoTime());
  }

  @Test
  void tasksRunWhenTheClockReachesThemInTimeThenSchedulingOrder() throws InterruptedException {
    scheduler.schedule(record("c"), 20);
    scheduler.schedule(record("a"), 10);
    scheduler.schedule(record("b"), 10);
    time.advance(9);
    assertEquals(List.of(), ran);
    time.sleep(11);
    assertEquals(List.of("a@10", "b@10", "c@20"), ran);
    assertEquals(20, time.nanoTime());
  }

  @Test
  void aTaskScheduledWhileRunningRunsInTheSameAdvanceIfDue() {
    Runnable[] tick = new Runnable[1];
    tick[0] = () -> {
      ran.add("tick@" + time.nanoTime());
      scheduler.schedule(tick[0], 10);
    };
    scheduler.schedule(tick[0], 10);
    scheduler.schedule(() -> scheduler.schedule(record("now"), 0), 15);
    time.advance(35);
    assertEquals(List.of("tick@10", "now@15", "tick@20", "tick@30"), ran);
    assertEquals(35, time.nanoTime());
  }

  @Test
  void aCancelledTaskNeverRuns() {
    Scheduler.Cancellable cancellable = scheduler.schedule(record("x"), 5);
    scheduler.schedule(record("y"), 5);
    cancellable.cancel();
    cancellable.cancel();
    time.advance(10);
    assertEquals(List.of("y@5"), ran);
  }

  @Test
  void aThrowingTaskDoesNotStopTheOthersAndIsRethrown() {
    scheduler.schedule(() -> {
      throw new IllegalStateException("task failed");
    }, 1);
    scheduler.schedule(record("after"), 2);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> time.advance(5));
    assertEquals("task failed", e.getMessage());
    assertEquals(List.of("after@2"), ran);
    assertEquals(5, time.nanoTime());
  }

  @Test
  void theLongestMoveEndsWithOrWithoutTasks() throws InterruptedException {
    scheduler.schedule(record("t"), 5);
    time.sleep(Long.MAX_VALUE - 1);
    assertEquals(List.of("t@5"), ran);
    assertEquals(Long.MAX_VALUE - 1, time.nanoTime());
    time.advance(1);
    assertEquals(Long.MAX_VALUE, time.nanoTime());
  }

  @Test
  void negativeDelaysAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> scheduler.schedule(record("x"), -1));
    assertThrows(IllegalArgumentException.class, () -> Scheduler.system().schedule(record("x"), -1));
  }

  @Test
  void aContextOnVirtualTimeUsesItsScheduler() {
    assertSame(scheduler, ChainmailContext.builder().clock(time).build().scheduler());
    assertSame(Scheduler.system(), ChainmailContext.builder().build().scheduler());
    assertSame(Scheduler.system(), ChainmailContext.defaults().scheduler());
    Scheduler own = (task, delay) -> () -> {};
    assertSame(own, ChainmailContext.builder().clock(time).scheduler(own).build().scheduler());
  }

  @Test
  @Timeout(10)
  void theSystemSchedulerRunsOnItsDaemonThreadAndSurvivesAThrowingTask() throws InterruptedException {
    CountDownLatch done = new CountDownLatch(1);
    AtomicReference<Thread> thread = new AtomicReference<>();
    Scheduler.system().schedule(() -> {
      throw new IllegalStateException("dropped");
    }, 0);
    Scheduler.system().schedule(() -> {
      thread.set(Thread.currentThread());
      done.countDown();
    }, TimeUnit.MILLISECONDS.toNanos(1));
    assertTrue(done.await(5, TimeUnit.SECONDS));
    assertEquals("chainmail-scheduler", thread.get().getName());
    assertTrue(thread.get().isDaemon());
  }
}
