package dev.chainmail.runtime.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CodecEnvelopeTest {

  private static final long SCHEMA = CodecFormat.schemaHash("record Doc(String title, int pages)");

  private static byte[] sample() {
    CodecWriter out = CodecWriter.start(SCHEMA);
    out.writeString("fault tolerance");
    out.writeInt(42);
    return out.seal();
  }

  @Test
  void theEnvelopeHoldsVersionSchemaHashBodyAndChecksum() {
    byte[] bytes = sample();
    assertEquals(CodecFormat.VERSION, bytes[0]);
    long hash = 0;
    for (int i = 1; i <= 8; i++) {
      hash = (hash << 8) | (bytes[i] & 0xFF);
    }
    assertEquals(SCHEMA, hash);
    assertEquals(CodecFormat.HEADER + 1 + 15 + 1 + CodecFormat.TRAILER, bytes.length);
    CodecReader in = CodecReader.open(SCHEMA, bytes);
    assertEquals("fault tolerance", in.readString());
    assertEquals(42, in.readInt());
    in.end();
  }

  @Test
  void everyFlippedBitIsDetected() {
    byte[] good = sample();
    for (int i = 0; i < good.length; i++) {
      for (int bit = 0; bit < 8; bit++) {
        byte[] bad = good.clone();
        bad[i] ^= (byte) (1 << bit);
        assertThrows(CodecException.class, () -> CodecReader.open(SCHEMA, bad), "byte " + i + " bit " + bit);
      }
    }
  }

  @Test
  void everyTruncationIsDetected() {
    byte[] good = sample();
    for (int length = 0; length < good.length; length++) {
      byte[] cut = Arrays.copyOf(good, length);
      CodecException e = assertThrows(CodecException.class, () -> CodecReader.open(SCHEMA, cut));
      assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }
  }

  @Test
  void appendedBytesAreDetected() {
    byte[] good = sample();
    byte[] longer = Arrays.copyOf(good, good.length + 1);
    assertThrows(CodecException.class, () -> CodecReader.open(SCHEMA, longer));
  }

  @Test
  void aWrongSchemaHashIsDetectedAndNamed() {
    long other = CodecFormat.schemaHash("record Doc(String title, long pages)");
    CodecException e = assertThrows(CodecException.class, () -> CodecReader.open(other, sample()));
    assertTrue(e.getMessage().contains("shape changed"), e.getMessage());
    assertTrue(e.getMessage().contains(Long.toHexString(SCHEMA)), e.getMessage());
  }

  @Test
  void anUnknownVersionIsDetectedAndNamed() {
    byte[] bytes = sample();
    bytes[0] = 2;
    CodecException e = assertThrows(CodecException.class, () -> CodecReader.open(SCHEMA, bytes));
    assertTrue(e.getMessage().contains("version 2"), e.getMessage());
  }

  @Test
  void bytesLeftAfterTheValueAreDetected() {
    CodecReader in = CodecReader.open(SCHEMA, sample());
    in.readString();
    CodecException e = assertThrows(CodecException.class, in::end);
    assertTrue(e.getMessage().contains("left"), e.getMessage());
  }

  @Test
  void readingPastTheBodyIsDetected() {
    CodecReader in = CodecReader.open(SCHEMA, sample());
    in.readString();
    in.readInt();
    assertThrows(CodecException.class, in::readByte);
    assertThrows(CodecException.class, in::readLong);
    assertThrows(CodecException.class, in::readDouble);
  }

  @Test
  void malformedValuesInsideAValidEnvelopeAreDetected() {
    CodecWriter flags = CodecWriter.start(SCHEMA);
    flags.writeByte((byte) 2);
    byte[] bytes = flags.seal();
    assertThrows(CodecException.class, () -> CodecReader.open(SCHEMA, bytes).readBoolean());
    assertThrows(CodecException.class, () -> CodecReader.open(SCHEMA, bytes).readPresence());

    CodecWriter overlong = CodecWriter.start(SCHEMA);
    for (int i = 0; i < 6; i++) {
      overlong.writeByte((byte) 0xFF);
    }
    overlong.writeByte((byte) 0);
    byte[] varint = overlong.seal();
    assertThrows(CodecException.class, () -> CodecReader.open(SCHEMA, varint).readInt());

    CodecWriter utf8 = CodecWriter.start(SCHEMA);
    utf8.writeBytes(new byte[] {(byte) 0xC3, 0x28});
    byte[] malformed = utf8.seal();
    assertThrows(CodecException.class, () -> CodecReader.open(SCHEMA, malformed).readString());
  }
}
