package dev.chainmail.runtime.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CodecRoundTripTest {

  private static final long SCHEMA = CodecFormat.schemaHash("test");

  enum Color { RED, GREEN, BLUE }

  enum Reordered { BLUE, RED }

  enum Greek { ÁLPHA, BETA }

  private static CodecReader reader(CodecWriter writer) {
    return CodecReader.open(SCHEMA, writer.seal());
  }

  @Test
  void everyPrimitiveReadsBackAsWritten() {
    CodecWriter out = CodecWriter.start(SCHEMA);
    out.writeBoolean(true);
    out.writeBoolean(false);
    out.writeByte(Byte.MIN_VALUE);
    out.writeByte((byte) 7);
    out.writeShort(Short.MIN_VALUE);
    out.writeShort((short) -2);
    out.writeChar('\uFFFF');
    out.writeChar('é');
    out.writeFloat(-0.0f);
    out.writeFloat(Float.intBitsToFloat(0x7FC00123));
    out.writeDouble(Math.PI);
    out.writeDouble(Double.longBitsToDouble(0x7FF8000000000ABCL));
    out.writeDouble(Double.NEGATIVE_INFINITY);
    CodecReader in = reader(out);
    assertTrue(in.readBoolean());
    assertFalse(in.readBoolean());
    assertEquals(Byte.MIN_VALUE, in.readByte());
    assertEquals(7, in.readByte());
    assertEquals(Short.MIN_VALUE, in.readShort());
    assertEquals(-2, in.readShort());
    assertEquals('\uFFFF', in.readChar());
    assertEquals('é', in.readChar());
    assertEquals(Float.floatToRawIntBits(-0.0f), Float.floatToRawIntBits(in.readFloat()));
    assertEquals(0x7FC00123, Float.floatToRawIntBits(in.readFloat()));
    assertEquals(Math.PI, in.readDouble());
    assertEquals(0x7FF8000000000ABCL, Double.doubleToRawLongBits(in.readDouble()));
    assertEquals(Double.NEGATIVE_INFINITY, in.readDouble());
    in.end();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, -1, 63, -64, 64, -65, 8191, 1 << 20, Integer.MAX_VALUE, Integer.MIN_VALUE})
  void intsReadBackAsWritten(int value) {
    CodecWriter out = CodecWriter.start(SCHEMA);
    out.writeInt(value);
    CodecReader in = reader(out);
    assertEquals(value, in.readInt());
    in.end();
  }

  @ParameterizedTest
  @ValueSource(longs = {0, 1, -1, 63, -64, 1L << 35, -(1L << 40), Long.MAX_VALUE, Long.MIN_VALUE})
  void longsReadBackAsWritten(long value) {
    CodecWriter out = CodecWriter.start(SCHEMA);
    out.writeLong(value);
    CodecReader in = reader(out);
    assertEquals(value, in.readLong());
    in.end();
  }

  @Test
  void smallNumbersTakeOneByte() {
    CodecWriter out = CodecWriter.start(SCHEMA);
    out.writeInt(-64);
    out.writeLong(63);
    out.writeSize(127);
    assertEquals(CodecFormat.HEADER + 3 + CodecFormat.TRAILER, out.seal().length);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "plain ASCII", "café", "日本語のテキスト", "emoji 😀 and 𝄞", "mixed é 😀 z", "\u0000nul",
      "\u07FF\u0800\uFFFF"})
  void stringsReadBackAsWritten(String value) {
    CodecWriter out = CodecWriter.start(SCHEMA);
    out.writeString(value);
    out.writeString(value);
    byte[] bytes = out.seal();
    int utf8 = value.getBytes(StandardCharsets.UTF_8).length;
    assertTrue(bytes.length <= CodecFormat.HEADER + 2 * (utf8 + 3) + CodecFormat.TRAILER);
    CodecReader in = CodecReader.open(SCHEMA, bytes);
    assertEquals(value, in.readString());
    assertEquals(value, in.readString());
    in.end();
  }

  @Test
  void stringsAreStandardUtf8() {
    String value = "é😀";
    CodecWriter out = CodecWriter.start(SCHEMA);
    out.writeString(value);
    byte[] bytes = out.seal();
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    assertEquals(utf8.length + 1, bytes[CodecFormat.HEADER]);
    for (int i = 0; i < utf8.length; i++) {
      assertEquals(utf8[i], bytes[CodecFormat.HEADER + 1 + i]);
    }
  }

  @Test
  void unpairedSurrogatesReadBackEqual() {
    String value = "a\uD800b\uDC00\uDBFF";
    CodecWriter out = CodecWriter.start(SCHEMA);
    out.writeString(value);
    CodecReader in = reader(out);
    assertEquals(value, in.readString());
    in.end();
  }

  @Test
  void nullsTakeOneByteEach() {
    CodecWriter out = CodecWriter.start(SCHEMA);
    out.writeString(null);
    out.writeBytes(null);
    out.writeEnum(null);
    assertFalse(out.writePresence(null));
    assertTrue(out.writePresence("x"));
    byte[] bytes = out.seal();
    assertEquals(CodecFormat.HEADER + 5 + CodecFormat.TRAILER, bytes.length);
    CodecReader in = CodecReader.open(SCHEMA, bytes);
    assertNull(in.readString());
    assertNull(in.readBytes());
    assertNull(in.readEnum(Color.values()));
    assertFalse(in.readPresence());
    assertTrue(in.readPresence());
    in.end();
  }

  @Test
  void byteArraysReadBackAsWrittenAndAreCopies() {
    byte[] value = {0, -1, 127, -128, 42};
    CodecWriter out = CodecWriter.start(SCHEMA);
    out.writeBytes(value);
    out.writeBytes(new byte[0]);
    byte[] bytes = out.seal();
    CodecReader in = CodecReader.open(SCHEMA, bytes);
    byte[] read = in.readBytes();
    assertArrayEquals(value, read);
    assertArrayEquals(new byte[0], in.readBytes());
    in.end();
    read[0] = 99;
    assertEquals(0, CodecReader.open(SCHEMA, bytes).readBytes()[0]);
  }

  @Test
  void enumsAreWrittenByNameSoReorderingIsSafe() {
    CodecWriter out = CodecWriter.start(SCHEMA);
    out.writeEnum(Color.BLUE);
    out.writeEnum(Color.RED);
    byte[] bytes = out.seal();
    CodecReader asWritten = CodecReader.open(SCHEMA, bytes);
    assertSame(Color.BLUE, asWritten.readEnum(Color.values()));
    assertSame(Color.RED, asWritten.readEnum(Color.values()));
    asWritten.end();
    CodecReader reordered = CodecReader.open(SCHEMA, bytes);
    assertSame(Reordered.BLUE, reordered.readEnum(Reordered.values()));
    assertSame(Reordered.RED, reordered.readEnum(Reordered.values()));
    reordered.end();
  }

  @Test
  void enumNamesBeyondAsciiReadBack() {
    CodecWriter out = CodecWriter.start(SCHEMA);
    out.writeEnum(Greek.ÁLPHA);
    out.writeEnum(Greek.BETA);
    CodecReader in = reader(out);
    assertSame(Greek.ÁLPHA, in.readEnum(Greek.values()));
    assertSame(Greek.BETA, in.readEnum(Greek.values()));
    in.end();
  }

  @Test
  void anUnknownEnumNameIsACodecException() {
    CodecWriter out = CodecWriter.start(SCHEMA);
    out.writeEnum(Color.GREEN);
    CodecReader in = reader(out);
    CodecException e = assertThrows(CodecException.class, () -> in.readEnum(Reordered.values()));
    assertTrue(e.getMessage().contains("'GREEN'"), e.getMessage());
    assertTrue(e.getMessage().contains(Reordered.class.getName()), e.getMessage());
  }

  @Test
  void sizesReadBackAndCannotExceedTheBytesLeft() {
    CodecWriter out = CodecWriter.start(SCHEMA);
    out.writeSize(3);
    out.writePresence("a");
    out.writePresence("b");
    out.writePresence(null);
    CodecReader in = reader(out);
    assertEquals(3, in.readSize());
    assertTrue(in.readPresence());
    assertTrue(in.readPresence());
    assertFalse(in.readPresence());
    in.end();

    CodecWriter lying = CodecWriter.start(SCHEMA);
    lying.writeSize(1_000_000);
    CodecReader bad = reader(lying);
    assertThrows(CodecException.class, bad::readSize);
    assertThrows(IllegalArgumentException.class, () -> CodecWriter.start(SCHEMA).writeSize(-1));
  }

  @Test
  void aBufferGrowsPastItsStartingSize() {
    CodecWriter out = CodecWriter.start(SCHEMA, 0);
    String big = "x".repeat(10_000) + "é";
    for (int i = 0; i < 3; i++) {
      out.writeString(big);
      out.writeLong(Long.MIN_VALUE);
    }
    CodecReader in = reader(out);
    for (int i = 0; i < 3; i++) {
      assertEquals(big, in.readString());
      assertEquals(Long.MIN_VALUE, in.readLong());
    }
    in.end();
  }

  @Test
  void aSealedWriterTakesNoMoreWrites() {
    CodecWriter out = CodecWriter.start(SCHEMA);
    out.seal();
    assertThrows(IllegalStateException.class, () -> out.writeInt(1));
    assertThrows(IllegalStateException.class, out::seal);
  }

  @Test
  void schemaHashIsTheFirstEightBytesOfSha256() {
    // SHA-256("abc") = ba7816bf 8f01cfea ...
    assertEquals(0xba7816bf8f01cfeaL, CodecFormat.schemaHash("abc"));
    assertTrue(CodecFormat.schemaHash("record A(int x)") != CodecFormat.schemaHash("record A(long x)"));
  }
}
