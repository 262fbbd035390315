package dev.chainmail.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.chainmail.runtime.ChainmailContext;
import dev.chainmail.runtime.VirtualTime;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Proxies of interface chains wrap a delegate: guarded methods retry, the rest is forwarded. */
class InterfaceChainBehaviourTest {

  private final VirtualTime time = new VirtualTime();
  private final ChainmailContext context =
      ChainmailContext.builder().clock(time).sleeper(time).random(() -> 0.5).build();

  /** A Directory whose every method runs the script; it overrides the default describe() but not recover(). */
  static final class ScriptedDirectory implements Directory {
    final Script script = new Script();
    final List<String> calls = new ArrayList<>();

    @Override
    public String lookup(String name) {
      calls.add("lookup " + name);
      script.step();
      return "found " + name;
    }

    @Override
    public String unguarded(String name) {
      calls.add("unguarded " + name);
      script.step();
      return "unguarded " + name;
    }

    @Override
    public String describe() {
      calls.add("describe");
      script.step();
      return "delegate override";
    }

    @Override
    public String resolve(String name) {
      calls.add("resolve " + name);
      script.step();
      return "resolved " + name;
    }
  }

  /** A Gateway that keeps the default status(). */
  static class ScriptedGateway implements Gateway {
    final Script script = new Script();

    @Override
    public String send(String message) {
      script.step();
      return "sent " + message;
    }

    @Override
    public String receive() throws IOException {
      script.step();
      return "received";
    }
  }

  @Test
  void aGuardedMethodIsRetriedOnTheDelegate() {
    ScriptedDirectory delegate = new ScriptedDirectory();
    delegate.script.failWith(new IllegalStateException("1"), new IllegalStateException("2"));
    Directory directory = new ResilientDirectory(context, delegate);

    assertEquals("found ada", directory.lookup("ada"));

    assertEquals(List.of("lookup ada", "lookup ada", "lookup ada"), delegate.calls);
  }

  @Test
  void aGuardedMethodPropagatesTheDelegatesLastFailure() {
    ScriptedDirectory delegate = new ScriptedDirectory();
    IllegalStateException last = new IllegalStateException("3");
    delegate.script.failWith(new IllegalStateException("1"), new IllegalStateException("2"), last);
    Directory directory = new ResilientDirectory(context, delegate);

    assertSame(last, assertThrows(IllegalStateException.class, () -> directory.lookup("ada")));

    assertEquals(3, delegate.script.calls());
  }

  @Test
  void anUnguardedMethodIsForwardedOnceWithItsArgumentsAndResult() {
    ScriptedDirectory delegate = new ScriptedDirectory();
    Directory directory = new ResilientDirectory(context, delegate);

    assertEquals("unguarded bob", directory.unguarded("bob"));

    assertEquals(List.of("unguarded bob"), delegate.calls);
  }

  @Test
  void anUnguardedMethodIsNotRetried() {
    ScriptedDirectory delegate = new ScriptedDirectory();
    IllegalStateException failure = new IllegalStateException("1");
    delegate.script.failWith(failure, new IllegalStateException("2"));
    Directory directory = new ResilientDirectory(context, delegate);

    assertSame(failure, assertThrows(IllegalStateException.class, () -> directory.unguarded("bob")));

    assertEquals(1, delegate.script.calls());
  }

  @Test
  void aDefaultMethodRunsTheDelegatesOverride() {
    ScriptedDirectory delegate = new ScriptedDirectory();
    Directory directory = new ResilientDirectory(context, delegate);

    assertEquals("delegate override", directory.describe());

    assertEquals(List.of("describe"), delegate.calls);
  }

  @Test
  void aDefaultMethodTheDelegateKeepsRunsTheInterfaceDefault() {
    Gateway gateway = new ResilientGateway(context, new ScriptedGateway());

    assertEquals("default status", gateway.status());
  }

  @Test
  void aFallbackOnAnInterfaceMethodRunsTheDefaultFallbackAfterTheRetries() {
    ScriptedDirectory delegate = new ScriptedDirectory();
    delegate.script.failWith(new IllegalStateException("1"), new IllegalStateException("2"));
    Directory directory = new ResilientDirectory(context, delegate);

    assertEquals("interface recover eve: 2", directory.resolve("eve"));

    assertEquals(List.of("resolve eve", "resolve eve"), delegate.calls);
  }

  @Test
  void typeLevelRetryOnAnInterfaceCoversItsAbstractMethods() throws IOException {
    ScriptedGateway delegate = new ScriptedGateway();
    delegate.script.failWith(new IllegalStateException("1"), new IllegalStateException("2"),
        new IllegalStateException("3"));
    Gateway gateway = new ResilientGateway(context, delegate);

    assertEquals("sent hi", gateway.send("hi"));
    assertEquals(4, delegate.script.calls());

    delegate.script.failWith(new IOException("1"), new IOException("2"), new IOException("3"));
    assertEquals("received", gateway.receive());
    assertEquals(8, delegate.script.calls());
  }

  @Test
  void typeLevelRetryOnAnInterfacePropagatesTheLastCheckedFailure() {
    ScriptedGateway delegate = new ScriptedGateway();
    IOException last = new IOException("4");
    delegate.script.failWith(new IOException("1"), new IOException("2"), new IOException("3"), last);
    Gateway gateway = new ResilientGateway(context, delegate);

    assertSame(last, assertThrows(IOException.class, gateway::receive));

    assertEquals(4, delegate.script.calls());
  }

  @Test
  void typeLevelRetryOnAnInterfaceDoesNotCoverItsDefaultMethod() {
    ScriptedGateway delegate = new ScriptedGateway() {
      @Override
      public String status() {
        script.step();
        return "overridden status";
      }
    };
    IllegalStateException failure = new IllegalStateException("1");
    delegate.script.failWith(failure, new IllegalStateException("2"));
    Gateway gateway = new ResilientGateway(context, delegate);

    assertSame(failure, assertThrows(IllegalStateException.class, gateway::status));

    assertEquals(1, delegate.script.calls());
  }
}
