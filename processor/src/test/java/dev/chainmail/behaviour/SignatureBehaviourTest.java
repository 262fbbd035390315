package dev.chainmail.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainmail.runtime.ChainmailContext;
import dev.chainmail.runtime.VirtualTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Generics, varargs, overloads, primitive and void returns survive the proxy, guards included. */
class SignatureBehaviourTest {

  private final VirtualTime time = new VirtualTime();
  private final ChainmailContext context =
      ChainmailContext.builder().clock(time).sleeper(time).random(() -> 0.5).build();
  private final ResilientSignatureChain chain = new ResilientSignatureChain(context);

  @Test
  void aGenericClassReturnsItsTypeVariableThroughTheRetry() {
    ResilientBox<String> box = new ResilientBox<>(context, "content");
    box.script.failWith(Failures.numbered(2));

    String value = box.get();

    assertEquals("content", value);
    assertEquals(3, box.script.calls());
  }

  @Test
  void aGenericClassPropagatesTheLastFailure() {
    Box<List<Integer>> box = new ResilientBox<>(context, List.of(1, 2));
    IllegalStateException[] failures = Failures.numbered(3);
    box.script.failWith(failures);

    assertSame(failures[2], assertThrows(IllegalStateException.class, box::get));

    assertEquals(3, box.script.calls());
  }

  @Test
  void aGenericMethodIsRetriedAndKeepsItsType() {
    chain.script.failWith(Failures.numbered(2));

    Integer first = chain.first(List.of(7, 8, 9));

    assertEquals(7, first);
    assertEquals(3, chain.script.calls());
  }

  @Test
  void aVarargsMethodIsRetriedWithTheSameArguments() {
    chain.script.failWith(Failures.numbered(2));

    assertEquals(6, chain.sum(1, 2, 3));
    assertEquals(3, chain.script.calls());
  }

  @Test
  void aVarargsMethodTakesNoArgumentsAndAnArray() {
    assertEquals(0, chain.sum());
    assertEquals(15, chain.sum(new int[] {4, 5, 6}));
    assertEquals(2, chain.script.calls());
  }

  @Test
  void eachOverloadKeepsItsOwnMaxAttempts() {
    IllegalStateException[] byKey = Failures.numbered(5);
    IllegalStateException[] byId = Failures.numbered(5);
    chain.byKey.failWith(byKey);
    chain.byId.failWith(byId);

    assertSame(byKey[1], assertThrows(IllegalStateException.class, () -> chain.load("k")));
    assertSame(byId[3], assertThrows(IllegalStateException.class, () -> chain.load(7)));

    assertEquals(2, chain.byKey.calls());
    assertEquals(4, chain.byId.calls());
  }

  @Test
  void eachOverloadReturnsItsOwnResultAfterRetries() {
    chain.byKey.failWith(Failures.numbered(1));
    chain.byId.failWith(Failures.numbered(3));

    assertEquals("key k", chain.load("k"));
    assertEquals("id 7", chain.load(7));

    assertEquals(2, chain.byKey.calls());
    assertEquals(4, chain.byId.calls());
  }

  @Test
  void anIntReturnSurvivesRetries() {
    chain.script.failWith(Failures.numbered(2));
    assertEquals(42, chain.intValue());
    assertEquals(3, chain.script.calls());
  }

  @Test
  void aLongReturnSurvivesRetries() {
    chain.script.failWith(Failures.numbered(2));
    assertEquals(1L << 40, chain.longValue());
    assertEquals(3, chain.script.calls());
  }

  @Test
  void aBooleanReturnSurvivesRetries() {
    chain.script.failWith(Failures.numbered(2));
    assertTrue(chain.booleanValue());
    assertEquals(3, chain.script.calls());
  }

  @Test
  void aDoubleReturnSurvivesRetries() {
    chain.script.failWith(Failures.numbered(2));
    assertEquals(2.5, chain.doubleValue());
    assertEquals(3, chain.script.calls());
  }

  @Test
  void aVoidMethodIsRetriedUntilItCompletes() {
    chain.script.failWith(Failures.numbered(2));

    chain.touch();

    assertEquals(3, chain.script.calls());
    assertEquals(1, chain.touched);
  }

  @Test
  void aVoidMethodPropagatesTheLastFailure() {
    IllegalStateException[] failures = Failures.numbered(3);
    chain.script.failWith(failures);

    assertSame(failures[2], assertThrows(IllegalStateException.class, chain::touch));

    assertEquals(3, chain.script.calls());
    assertEquals(0, chain.touched);
  }

  @Test
  void parametersNamedLikeTheProxysLocalsReachTheMethodAndTheFallback() {
    assertEquals("f/7/9", chain.clash("f", 7, 9L));

    chain.script.failWith(Failures.numbered(3));
    assertEquals("recovered f/7/9: failure 3", chain.clash("f", 7, 9L));
    assertEquals(4, chain.script.calls());
  }
}
