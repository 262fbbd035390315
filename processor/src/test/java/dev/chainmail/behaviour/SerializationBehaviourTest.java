package dev.chainmail.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.chainmail.runtime.ChainmailContext;
import dev.chainmail.runtime.VirtualTime;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

/** A proxy of a serializable chain survives serialization with its state and its guards. */
class SerializationBehaviourTest {

  private static <T> T roundTrip(T object) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(object);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      @SuppressWarnings("unchecked")
      T copy = (T) in.readObject();
      return copy;
    }
  }

  @Test
  void aDeserializedProxyKeepsTheChainsStateAndRetriesAgain() throws Exception {
    VirtualTime time = new VirtualTime();
    SerializableChain chain = new ResilientSerializableChain(
        ChainmailContext.builder().clock(time).sleeper(time).build());
    chain.call();

    SerializableChain copy = roundTrip(chain);
    assertEquals(ResilientSerializableChain.class, copy.getClass());
    assertEquals(1, copy.calls);
    copy.failuresToGo = 2;
    assertEquals("done after 4", copy.call());
    copy.failuresToGo = 3;
    assertThrows(IllegalStateException.class, copy::call);
    assertEquals(7, copy.calls);
  }
}
