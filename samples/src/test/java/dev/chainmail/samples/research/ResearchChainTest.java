package dev.chainmail.samples.research;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainmail.runtime.ChainmailContext;
import dev.chainmail.runtime.VirtualTime;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sample as its users would test their own chains: in virtual time. */
class ResearchChainTest {

  private final VirtualTime time = new VirtualTime();
  private final FlakyModel model = new FlakyModel();
  private final ResearchChain chain = new ResilientResearchChain(
      ChainmailContext.builder().clock(time).sleeper(time).random(() -> 0.5).build(), model);

  @Test
  void retriesWithExponentialBackoffUntilTheModelAnswers() throws IOException {
    model.failNext(3);
    assertEquals("42 is the answer to 'q'", chain.answer("q"));
    assertEquals(4, model.calls());
    assertEquals(List.of(100_000_000L, 200_000_000L, 400_000_000L), time.pauses());
  }

  @Test
  void answersFromTheCacheWhenTheModelStaysDown() throws IOException {
    chain.answer("q");
    model.failNext(Integer.MAX_VALUE);
    assertEquals("42 is the answer to 'q' (from cache: model timed out on call 5)", chain.answer("q"));
    assertEquals(5, model.calls());
  }

  @Test
  void stopsCallingTheModelOnceMostRecentCallsFailed() throws IOException {
    chain.answer("q");
    model.failNext(Integer.MAX_VALUE);
    chain.answer("q");
    assertEquals(5, model.calls());

    String answer = chain.answer("q");

    assertEquals(6, model.calls(), "the sixth call filled the window with five failures, and the breaker opened");
    assertTrue(answer.startsWith("42 is the answer to 'q' (from cache: "), answer);
    chain.answer("q");
    assertEquals(6, model.calls(), "an open breaker answers from the cache without calling the model");
  }

  @Test
  void boundsEachAttemptInTime() throws IOException {
    ChatModel slow = prompt -> {
      time.advance(3_000_000_000L);
      return "late";
    };
    ResearchChain timed = new ResilientResearchChain(
        ChainmailContext.builder().clock(time).sleeper(time).random(() -> 0.5).build(), slow);

    String answer = timed.answer("q");

    assertTrue(answer.endsWith("(from cache: dev.chainmail.samples.research.ResearchChain/answer: timed out after "
        + "2s)"), answer);
  }
}
