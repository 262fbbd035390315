package dev.chainmail.runtime.checkpoint;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.CRC32C;

/**
 * Reads one value that {@link CodecWriter} wrote, for generated codecs: {@link #open(long, byte[])} checks the
 * envelope, the codec reads the value's parts in the order they were written, then {@link #end()} checks that
 * nothing is left.
 * <pre>{@code
 * public Doc decode(byte[] bytes) {
 *   CodecReader in = CodecReader.open(SCHEMA_HASH, bytes);
 *   Doc value = in.readPresence() ? new Doc(in.readString(), in.readInt()) : null;
 *   in.end();
 *   return value;
 * }
 * }</pre>
 *
 * <p>A reader reads the given array in place and never modifies it. Every method throws {@link CodecException}
 * when the bytes do not hold what it reads: a wrong value is never returned. Instances are not thread-safe: each
 * decoding uses its own.
 */
public final class CodecReader {

  private final byte[] bytes;
  private final int end;
  private int position;

  private CodecReader(byte[] bytes, int position, int end) {
    this.bytes = bytes;
    this.position = position;
    this.end = end;
  }

  /**
   * Checks the envelope of an encoded value, its format version, checksum and schema hash, and returns a reader
   * positioned at the start of its body.
   *
   * @param schemaHash the schema hash of the type expected, from {@link CodecFormat#schemaHash(String)}
   * @param bytes the encoded value, which must not be modified while the reader is in use
   * @return a reader of the body
   * @throws NullPointerException if {@code bytes} is null
   * @throws CodecException if the bytes are too short for an envelope, have another format version, fail their
   *     checksum (damaged, cut short or with bytes appended), or carry another schema hash
   */
  public static CodecReader open(long schemaHash, byte[] bytes) {
    int length = bytes.length;
    if (length < CodecFormat.HEADER + CodecFormat.TRAILER) {
      throw new CodecException("an encoded value takes at least " + (CodecFormat.HEADER + CodecFormat.TRAILER)
          + " bytes, found " + length + ": the bytes are truncated or not an encoded value");
    }
    if (bytes[0] != CodecFormat.VERSION) {
      throw new CodecException("the bytes have codec format version " + (bytes[0] & 0xFF) + ", and this runtime"
          + " reads version " + CodecFormat.VERSION + " only");
    }
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, length - CodecFormat.TRAILER);
    int expected = (int) crc.getValue();
    int recorded = fixedInt(bytes, length - CodecFormat.TRAILER);
    if (expected != recorded) {
      throw new CodecException("the checksum of the " + length + " bytes does not match: they are damaged, truncated"
          + " or have bytes appended");
    }
    long recordedHash = ((long) fixedInt(bytes, 1) << 32) | (fixedInt(bytes, 5) & 0xFFFFFFFFL);
    if (recordedHash != schemaHash) {
      throw new CodecException("the bytes were written for schema hash " + hex(recordedHash) + ", and the type"
          + " now has schema hash " + hex(schemaHash) + ": the type's shape changed since they were written");
    }
    return new CodecReader(bytes, CodecFormat.HEADER, length - CodecFormat.TRAILER);
  }

  /**
   * Checks that the whole body was read.
   *
   * @throws CodecException if bytes are left after the value
   */
  public void end() {
    if (position != end) {
      throw new CodecException((end - position) + " bytes are left after the value: the bytes do not hold a value"
          + " of this type");
    }
  }

  /**
   * Reads a presence marker.
   *
   * @return {@code true} if a value follows; {@code false} for {@code null}
   * @throws CodecException if the bytes end, or the marker is neither 0 nor 1
   */
  public boolean readPresence() {
    return readFlag("presence marker");
  }

  /**
   * Reads a {@code boolean}.
   *
   * @return the value
   * @throws CodecException if the bytes end, or the byte is neither 0 nor 1
   */
  public boolean readBoolean() {
    return readFlag("boolean");
  }

  /**
   * Reads a {@code byte}.
   *
   * @return the value
   * @throws CodecException if the bytes end
   */
  public byte readByte() {
    require(1, "byte");
    return bytes[position++];
  }

  /**
   * Reads a {@code short}.
   *
   * @return the value
   * @throws CodecException if the bytes end
   */
  public short readShort() {
    require(2, "short");
    short value = (short) (((bytes[position] & 0xFF) << 8) | (bytes[position + 1] & 0xFF));
    position += 2;
    return value;
  }

  /**
   * Reads a {@code char}.
   *
   * @return the value
   * @throws CodecException if the bytes end
   */
  public char readChar() {
    return (char) readShort();
  }

  /**
   * Reads an {@code int} written by {@link CodecWriter#writeInt(int)}.
   *
   * @return the value
   * @throws CodecException if the bytes end, or the varint is longer than five bytes
   */
  public int readInt() {
    int zigzag = readVarint("int");
    return (zigzag >>> 1) ^ -(zigzag & 1);
  }

  /**
   * Reads a {@code long} written by {@link CodecWriter#writeLong(long)}.
   *
   * @return the value
   * @throws CodecException if the bytes end, or the varint is longer than ten bytes
   */
  public long readLong() {
    long zigzag = 0;
    for (int shift = 0; shift < 70; shift += 7) {
      require(1, "long");
      byte b = bytes[position++];
      zigzag |= (long) (b & 0x7F) << shift;
      if (b >= 0) {
        if (shift == 63 && (b & 0x7E) != 0) {
          break;
        }
        return (zigzag >>> 1) ^ -(zigzag & 1);
      }
    }
    throw new CodecException("a long's varint runs past ten bytes at offset " + position);
  }

  /**
   * Reads a {@code float}.
   *
   * @return the value, with the bits it was written with
   * @throws CodecException if the bytes end
   */
  public float readFloat() {
    require(4, "float");
    int bits = fixedInt(bytes, position);
    position += 4;
    return Float.intBitsToFloat(bits);
  }

  /**
   * Reads a {@code double}.
   *
   * @return the value, with the bits it was written with
   * @throws CodecException if the bytes end
   */
  public double readDouble() {
    require(8, "double");
    long bits = ((long) fixedInt(bytes, position) << 32) | (fixedInt(bytes, position + 4) & 0xFFFFFFFFL);
    position += 8;
    return Double.longBitsToDouble(bits);
  }

  /**
   * Reads the size of a collection, map or array.
   *
   * @return the size, never greater than the number of bytes left
   * @throws CodecException if the bytes end, the varint is too long, or the size is greater than the bytes left
   */
  public int readSize() {
    int size = readVarint("size");
    if (size < 0 || size > end - position) {
      throw new CodecException("a size of " + Integer.toUnsignedString(size) + " at offset " + position
          + " exceeds the " + (end - position) + " bytes left");
    }
    return size;
  }

  /**
   * Reads a {@code String} or {@code null} written by {@link CodecWriter#writeString(String)}.
   *
   * @return the string, or {@code null}
   * @throws CodecException if the bytes end, or are not the UTF-8 that the writer writes
   */
  public String readString() {
    int length = readLength("string");
    if (length < 0) {
      return null;
    }
    int start = position;
    int stop = start + length;
    for (int i = start; i < stop; i++) {
      if (bytes[i] < 0) {
        return readUtf8(start, stop);
      }
    }
    position = stop;
    return new String(bytes, start, length, StandardCharsets.ISO_8859_1);
  }

  /**
   * Reads a {@code byte[]} or {@code null} written by {@link CodecWriter#writeBytes(byte[])}.
   *
   * @return a new array, or {@code null}
   * @throws CodecException if the bytes end
   */
  public byte[] readBytes() {
    int length = readLength("byte array");
    if (length < 0) {
      return null;
    }
    byte[] value = Arrays.copyOfRange(bytes, position, position + length);
    position += length;
    return value;
  }

  /**
   * Reads an enum constant or {@code null} written by {@link CodecWriter#writeEnum(Enum)}, finding it by name.
   *
   * @param <E> the enum type
   * @param constants every constant of the enum, as its {@code values()} returns them; keep the array in a static
   *     field rather than calling {@code values()} on every decoding, which copies it
   * @return the constant with the name read, or {@code null}
   * @throws CodecException if the bytes end, or no constant has the name read
   */
  public <E extends Enum<E>> E readEnum(E[] constants) {
    int mark = position;
    int length = readLength("enum constant");
    if (length < 0) {
      return null;
    }
    for (E constant : constants) {
      if (asciiEquals(constant.name(), position, length)) {
        position += length;
        return constant;
      }
    }
    position = mark;
    String name = readString();
    for (E constant : constants) {
      if (constant.name().equals(name)) {
        return constant;
      }
    }
    throw new CodecException("no constant of " + (constants.length == 0 ? "the enum"
        : constants[0].getDeclaringClass().getName()) + " is named '" + name + "'");
  }

  private boolean asciiEquals(String name, int start, int length) {
    if (name.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (name.charAt(i) != bytes[start + i]) {
        return false;
      }
    }
    return true;
  }

  /** Reads a length-plus-one varint: -1 for {@code null}, else a length no greater than the bytes left. */
  private int readLength(String what) {
    int lengthPlusOne = readVarint(what);
    if (lengthPlusOne == 0) {
      return -1;
    }
    int length = lengthPlusOne - 1;
    if (length < 0 || length > end - position) {
      throw new CodecException("a " + what + " of " + Integer.toUnsignedString(length) + " bytes at offset "
          + position + " exceeds the " + (end - position) + " bytes left");
    }
    return length;
  }

  private String readUtf8(int start, int stop) {
    char[] chars = new char[stop - start];
    int count = 0;
    int i = start;
    while (i < stop) {
      int b = bytes[i] & 0xFF;
      if (b < 0x80) {
        chars[count++] = (char) b;
        i++;
      } else if (b >= 0xC2 && b < 0xE0) {
        int b1 = continuation(i + 1, stop);
        chars[count++] = (char) (((b & 0x1F) << 6) | b1);
        i += 2;
      } else if (b >= 0xE0 && b < 0xF0) {
        int b1 = continuation(i + 1, stop);
        int b2 = continuation(i + 2, stop);
        int c = ((b & 0x0F) << 12) | (b1 << 6) | b2;
        if (c < 0x800) {
          throw malformed(i);
        }
        chars[count++] = (char) c;
        i += 3;
      } else if (b >= 0xF0 && b < 0xF5) {
        int b1 = continuation(i + 1, stop);
        int b2 = continuation(i + 2, stop);
        int b3 = continuation(i + 3, stop);
        int codePoint = ((b & 0x07) << 18) | (b1 << 12) | (b2 << 6) | b3;
        if (codePoint < 0x10000 || codePoint > Character.MAX_CODE_POINT) {
          throw malformed(i);
        }
        chars[count++] = Character.highSurrogate(codePoint);
        chars[count++] = Character.lowSurrogate(codePoint);
        i += 4;
      } else {
        throw malformed(i);
      }
    }
    position = stop;
    return new String(chars, 0, count);
  }

  private int continuation(int index, int stop) {
    if (index >= stop || (bytes[index] & 0xC0) != 0x80) {
      throw malformed(index);
    }
    return bytes[index] & 0x3F;
  }

  private static CodecException malformed(int offset) {
    return new CodecException("a string's UTF-8 is malformed at offset " + offset);
  }

  private boolean readFlag(String what) {
    require(1, what);
    byte b = bytes[position];
    if (b != 0 && b != 1) {
      throw new CodecException("a " + what + " at offset " + position + " is " + b + ", not 0 or 1");
    }
    position++;
    return b == 1;
  }

  private int readVarint(String what) {
    int value = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      require(1, what);
      byte b = bytes[position++];
      value |= (b & 0x7F) << shift;
      if (b >= 0) {
        if (shift == 28 && (b & 0x70) != 0) {
          break;
        }
        return value;
      }
    }
    throw new CodecException("the varint of a " + what + " runs past five bytes at offset " + position);
  }

  private void require(int count, String what) {
    if (end - position < count) {
      throw new CodecException("the bytes end at offset " + position + " in the middle of a " + what
          + ": they are truncated or do not hold a value of this type");
    }
  }

  private static int fixedInt(byte[] bytes, int at) {
    return ((bytes[at] & 0xFF) << 24) | ((bytes[at + 1] & 0xFF) << 16) | ((bytes[at + 2] & 0xFF) << 8)
        | (bytes[at + 3] & 0xFF);
  }

  private static String hex(long value) {
    return HexFormat.of().toHexDigits(value);
  }
}
