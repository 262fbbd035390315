package dev.chainmail.behaviour;

import dev.chainmail.Replicated;
import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A synchronous hedged chain; each replica blocks in its call until the test gives it an outcome. */
@Replicated(strategy = Replicated.Strategy.HEDGED, hedgeDelay = "100ms", failOn = IOException.class)
public interface HedgedChain {

  String lookup(String key) throws IOException;

  /** A replica whose call waits for the outcome the test puts in its queue; thread-safe. */
  final class Blocking implements HedgedChain {
    final CountDownLatch started = new CountDownLatch(1);
    final CountDownLatch interrupted = new CountDownLatch(1);
    final BlockingQueue<Object> outcomes = new LinkedBlockingQueue<>();

    @Override
    public String lookup(String key) throws IOException {
      started.countDown();
      Object outcome;
      try {
        outcome = outcomes.poll(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        interrupted.countDown();
        throw new IOException("interrupted", e);
      }
      if (outcome instanceof IOException) {
        throw (IOException) outcome;
      }
      return (String) outcome;
    }
  }
}
