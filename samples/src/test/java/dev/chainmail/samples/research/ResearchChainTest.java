package dev.chainmail.samples.research;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
