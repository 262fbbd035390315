package dev.chainmail.runtime.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The thread's reused writer of a step's arguments, {@link CodecWriter#arguments(long)}. */
class ArgumentsWriterTest {

  private static final long SCHEMA = CodecFormat.schemaHash("arguments(String)");

  @Test
  void isReusedOnceFingerprinted() {
    CodecWriter first = CodecWriter.arguments(SCHEMA);
    first.writeString("a");
    byte[] a = fingerprint(first);
    CodecWriter second = CodecWriter.arguments(SCHEMA);
    assertSame(first, second);
    second.writeString("a");
    assertArrayEquals(a, fingerprint(second), "a reused writer starts empty");
  }

  @Test
  void fingerprintsTheHeaderAndBodyAsWritten() {
    CodecWriter arguments = CodecWriter.arguments(SCHEMA);
    arguments.writeString("topic");
    CodecWriter whole = CodecWriter.start(SCHEMA);
    whole.writeString("topic");
    byte[] sealed = whole.seal();
    byte[] withoutChecksum = Arrays.copyOf(sealed, sealed.length - CodecFormat.TRAILER);
    assertArrayEquals(Fingerprints.compute(withoutChecksum), fingerprint(arguments));
  }

  @Test
  void aWriterLeftOpenIsNotReusedUnderItsOwner() {
    CodecWriter outer = CodecWriter.arguments(SCHEMA);
    outer.writeString("outer");
    // Arguments started while the outer ones are open, as by a codec that calls a step, get a writer of their own.
    CodecWriter inner = CodecWriter.arguments(SCHEMA);
    assertNotSame(outer, inner);
    inner.writeString("inner");
    assertArrayEquals(expected("inner"), fingerprint(inner));
    assertArrayEquals(expected("outer"), fingerprint(outer), "the outer arguments were not overwritten");
    // The thread now reuses the inner writer, and the one a failed encoding left open is let go.
    assertSame(inner, CodecWriter.arguments(SCHEMA));
  }

  @Test
  void endsWhenFingerprinted() {
    CodecWriter arguments = CodecWriter.arguments(SCHEMA);
    fingerprint(arguments);
    assertThrows(IllegalStateException.class, () -> arguments.writeString("late"));
    assertThrows(IllegalStateException.class, () -> fingerprint(arguments));
  }

  @Test
  void isEndedByFingerprintingOnly() {
    CodecWriter arguments = CodecWriter.arguments(SCHEMA);
    assertThrows(IllegalStateException.class, arguments::seal);
    assertThrows(IllegalStateException.class, arguments::toFragment);
    assertThrows(IllegalStateException.class, () -> fingerprint(CodecWriter.start(SCHEMA)));
    fingerprint(arguments);
  }

  @Test
  void keepsWorkingAfterALargeArgument() {
    CodecWriter large = CodecWriter.arguments(SCHEMA);
    large.writeString("x".repeat(100_000));
    fingerprint(large);
    CodecWriter next = CodecWriter.arguments(SCHEMA);
    next.writeString("small");
    assertArrayEquals(expected("small"), fingerprint(next));
  }

  private static byte[] expected(String argument) {
    CodecWriter whole = CodecWriter.start(SCHEMA);
    whole.writeString(argument);
    byte[] sealed = whole.seal();
    return Fingerprints.compute(Arrays.copyOf(sealed, sealed.length - CodecFormat.TRAILER));
  }

  private static byte[] fingerprint(CodecWriter arguments) {
    Fingerprints fingerprints = Fingerprints.get();
    arguments.fingerprintInto(fingerprints);
    return fingerprints.copy();
  }
}
