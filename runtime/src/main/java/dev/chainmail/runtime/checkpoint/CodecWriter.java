package dev.chainmail.runtime.checkpoint;

import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * Writes one value in the format of {@link CodecFormat}, for generated codecs: start with {@link #start(long)},
 * write the value's parts, then {@link #seal()} to get the bytes.
 * <pre>{@code
 * public byte[] encode(Doc value) {
 *   CodecWriter out = CodecWriter.start(SCHEMA_HASH);
 *   if (out.writePresence(value)) {
 *     out.writeString(value.title());
 *     out.writeInt(value.pages());
 *   }
 *   return out.seal();
 * }
 * }</pre>
 *
 * <p>A writer grows one buffer, and {@link #seal()} copies it once into the result. A step's arguments, which are
 * only fingerprinted, are written by {@link #arguments(long)} into a buffer that each thread reuses. Instances are
 * not thread-safe: each encoding uses its own.
 */
public final class CodecWriter {

  private static final int INITIAL_CAPACITY = 64;
  /** The largest buffer a thread keeps for its arguments between calls; a larger one is dropped after use. */
  private static final int RETAINED_CAPACITY = 8 * 1024;
  private static final ThreadLocal<CodecWriter> ARGUMENTS = new ThreadLocal<>();

  /** What a writer writes, and so how it ends. */
  private enum Kind {
    /** A whole value, ended by {@link #seal()}. */
    VALUE,
    /** A part of a value with no envelope, ended by {@link #toFragment()}. */
    FRAGMENT,
    /** A step's arguments in the thread's reused buffer, ended when {@link StepPolicy} fingerprints them. */
    ARGUMENTS
  }

  private byte[] buffer;
  private int size;
  private boolean sealed;
  private final Kind kind;

  private CodecWriter(long schemaHash, int capacity) {
    kind = Kind.VALUE;
    buffer = new byte[Math.max(capacity, CodecFormat.HEADER + CodecFormat.TRAILER)];
    writeHeader(schemaHash);
  }

  private CodecWriter(Kind kind, int capacity) {
    this.kind = kind;
    buffer = new byte[capacity];
    sealed = kind == Kind.ARGUMENTS;
  }

  /**
   * Starts writing the arguments of a step's call, to be passed to {@link StepPolicy#begin}, which fingerprints
   * them and ends the writer. The writer is the calling thread's own and is reused by its next call, so that a step
   * found recorded allocates nothing for its arguments; pass it to {@code begin} before starting another. A thread
   * that starts arguments while its writer is still open, as a codec that calls a step would, gets a new writer.
   *
   * @param schemaHash the schema hash of the arguments' types, from {@link CodecFormat#schemaHash(String)}
   * @return the calling thread's writer of arguments, empty but for the schema hash
   */
  public static CodecWriter arguments(long schemaHash) {
    CodecWriter writer = ARGUMENTS.get();
    if (writer == null || !writer.sealed) {
      // None yet, or one left open: by a call that is encoding its own arguments, or by one that failed midway.
      writer = new CodecWriter(Kind.ARGUMENTS, INITIAL_CAPACITY);
      ARGUMENTS.set(writer);
    }
    writer.sealed = false;
    writer.size = 0;
    writer.writeHeader(schemaHash);
    return writer;
  }

  /**
   * Fingerprints the arguments written, into {@code fingerprints}, and ends the writer for its thread's next call.
   *
   * @throws IllegalStateException if this writer does not write arguments, or was ended already
   */
  void fingerprintInto(Fingerprints fingerprints) {
    checkOpen();
    if (kind != Kind.ARGUMENTS) {
      throw new IllegalStateException("a step's arguments are written by CodecWriter.arguments(schemaHash), and"
          + " this writer writes a " + (kind == Kind.FRAGMENT ? "fragment" : "whole value"));
    }
    fingerprints.of(buffer, 0, size);
    sealed = true;
    if (buffer.length > RETAINED_CAPACITY) {
      buffer = new byte[INITIAL_CAPACITY];
    }
  }

  /**
   * Starts writing a fragment: one element of a {@code Set} or one entry of a {@code Map}, with no envelope, to be
   * put in canonical order by {@link #writeSortedFragments}. Equal sets and maps then encode to equal bytes
   * whatever their iteration order, which fingerprints of arguments rely on.
   *
   * @return a new writer of a fragment
   */
  public static CodecWriter fragment() {
    return new CodecWriter(Kind.FRAGMENT, 16);
  }

  /**
   * Ends a fragment and returns its bytes. The writer takes no more writes.
   *
   * @return the fragment's bytes
   * @throws IllegalStateException if this writer does not write a fragment, or was sealed already
   */
  public byte[] toFragment() {
    checkOpen();
    if (kind != Kind.FRAGMENT) {
      throw new IllegalStateException("this CodecWriter writes " + (kind == Kind.VALUE ? "a whole value; seal() it"
          : "a step's arguments; pass it to StepPolicy.begin") + " instead");
    }
    sealed = true;
    byte[] result = Arrays.copyOf(buffer, size);
    buffer = null;
    return result;
  }

  /**
   * Writes the size of a {@code Set} or {@code Map}, then its elements' or entries' fragments in ascending unsigned
   * byte order: a canonical order, since fragments are self-delimiting and distinct elements encode differently.
   * A reader reads them back as if each had been written in place.
   *
   * @param fragments each element's or entry's bytes, from {@link #toFragment()}; sorted in place
   * @throws IllegalStateException if the writer was sealed
   */
  public void writeSortedFragments(byte[][] fragments) {
    Arrays.sort(fragments, Arrays::compareUnsigned);
    writeSize(fragments.length);
    for (byte[] fragment : fragments) {
      ensure(fragment.length);
      System.arraycopy(fragment, 0, buffer, size, fragment.length);
      size += fragment.length;
    }
  }

  /**
   * Starts writing a value of a type with the given schema hash.
   *
   * @param schemaHash the type's schema hash, from {@link CodecFormat#schemaHash(String)}
   * @return a new writer
   */
  public static CodecWriter start(long schemaHash) {
    return new CodecWriter(schemaHash, INITIAL_CAPACITY);
  }

  /**
   * Starts writing a value of a type with the given schema hash, into a buffer sized for it.
   *
   * @param schemaHash the type's schema hash, from {@link CodecFormat#schemaHash(String)}
   * @param expectedBodySize how many bytes the body is expected to take; the buffer grows if it takes more
   * @return a new writer
   * @throws IllegalArgumentException if {@code expectedBodySize} is negative
   */
  public static CodecWriter start(long schemaHash, int expectedBodySize) {
    if (expectedBodySize < 0) {
      throw new IllegalArgumentException("expectedBodySize must not be negative, was " + expectedBodySize);
    }
    int capacity = expectedBodySize + CodecFormat.HEADER + CodecFormat.TRAILER;
    return new CodecWriter(schemaHash, capacity < 0 ? Integer.MAX_VALUE - 8 : capacity);
  }

  /**
   * Ends the value: appends the checksum and returns the bytes. The writer takes no more writes.
   *
   * @return the encoded value, envelope included
   * @throws IllegalStateException if the writer was sealed already
   */
  public byte[] seal() {
    checkOpen();
    if (kind != Kind.VALUE) {
      throw new IllegalStateException("this CodecWriter writes " + (kind == Kind.FRAGMENT
          ? "a fragment; call toFragment()" : "a step's arguments; pass it to StepPolicy.begin") + " instead");
    }
    CRC32C crc = new CRC32C();
    crc.update(buffer, 0, size);
    int checksum = (int) crc.getValue();
    ensure(4);
    buffer[size++] = (byte) (checksum >>> 24);
    buffer[size++] = (byte) (checksum >>> 16);
    buffer[size++] = (byte) (checksum >>> 8);
    buffer[size++] = (byte) checksum;
    sealed = true;
    byte[] result = size == buffer.length ? buffer : Arrays.copyOf(buffer, size);
    buffer = null;
    return result;
  }

  /**
   * Writes a presence marker: whether a value that may be {@code null} is there. Write the value after it only if
   * it is.
   *
   * @param value the value, or {@code null}
   * @return {@code true} if {@code value} is not {@code null}, and so is to be written next
   * @throws IllegalStateException if the writer was sealed
   */
  public boolean writePresence(Object value) {
    writeByte(value == null ? (byte) 0 : (byte) 1);
    return value != null;
  }

  /**
   * Writes a {@code boolean} as one byte.
   *
   * @param value the value
   * @throws IllegalStateException if the writer was sealed
   */
  public void writeBoolean(boolean value) {
    writeByte(value ? (byte) 1 : (byte) 0);
  }

  /**
   * Writes a {@code byte}.
   *
   * @param value the value
   * @throws IllegalStateException if the writer was sealed
   */
  public void writeByte(byte value) {
    checkOpen();
    ensure(1);
    buffer[size++] = value;
  }

  /**
   * Writes a {@code short} as two bytes.
   *
   * @param value the value
   * @throws IllegalStateException if the writer was sealed
   */
  public void writeShort(short value) {
    checkOpen();
    ensure(2);
    buffer[size++] = (byte) (value >>> 8);
    buffer[size++] = (byte) value;
  }

  /**
   * Writes a {@code char} as two bytes.
   *
   * @param value the value
   * @throws IllegalStateException if the writer was sealed
   */
  public void writeChar(char value) {
    writeShort((short) value);
  }

  /**
   * Writes an {@code int} as a zigzag varint: one byte from -64 to 63, at most five.
   *
   * @param value the value
   * @throws IllegalStateException if the writer was sealed
   */
  public void writeInt(int value) {
    checkOpen();
    writeVarint((value << 1) ^ (value >> 31));
  }

  /**
   * Writes a {@code long} as a zigzag varint: one byte from -64 to 63, at most ten.
   *
   * @param value the value
   * @throws IllegalStateException if the writer was sealed
   */
  public void writeLong(long value) {
    checkOpen();
    long zigzag = (value << 1) ^ (value >> 63);
    ensure(10);
    while ((zigzag & ~0x7FL) != 0) {
      buffer[size++] = (byte) ((zigzag & 0x7F) | 0x80);
      zigzag >>>= 7;
    }
    buffer[size++] = (byte) zigzag;
  }

  /**
   * Writes a {@code float} as its raw IEEE 754 bits, so that every value, NaNs included, reads back the same.
   *
   * @param value the value
   * @throws IllegalStateException if the writer was sealed
   */
  public void writeFloat(float value) {
    checkOpen();
    writeFixedInt(Float.floatToRawIntBits(value));
  }

  /**
   * Writes a {@code double} as its raw IEEE 754 bits, so that every value, NaNs included, reads back the same.
   *
   * @param value the value
   * @throws IllegalStateException if the writer was sealed
   */
  public void writeDouble(double value) {
    checkOpen();
    writeFixedLong(Double.doubleToRawLongBits(value));
  }

  /**
   * Writes the size of a collection, map or array that follows, as an unsigned varint. Each element written after
   * it must take at least one byte, as it does when it starts with a presence marker: {@link CodecReader#readSize()}
   * refuses a size greater than the bytes left, so that damaged bytes cannot make a decoder allocate a huge
   * collection.
   *
   * @param size the number of elements or entries
   * @throws IllegalArgumentException if {@code size} is negative
   * @throws IllegalStateException if the writer was sealed
   */
  public void writeSize(int size) {
    if (size < 0) {
      throw new IllegalArgumentException("a size must not be negative, was " + size);
    }
    checkOpen();
    writeVarint(size);
  }

  /**
   * Writes a {@code String} or {@code null}, in UTF-8 after its length; {@code null} takes one byte and needs no
   * presence marker.
   *
   * @param value the string, or {@code null}
   * @throws IllegalStateException if the writer was sealed
   */
  public void writeString(String value) {
    checkOpen();
    if (value == null) {
      writeVarint(0);
      return;
    }
    int length = value.length();
    long utf8Bytes = utf8Length(value, length);
    if (utf8Bytes > Integer.MAX_VALUE - 16) {
      throw new IllegalStateException("a string of " + utf8Bytes + " UTF-8 bytes is too long to encode");
    }
    int utf8 = (int) utf8Bytes;
    writeVarint(utf8 + 1);
    ensure(utf8);
    byte[] out = buffer;
    int at = size;
    int i = 0;
    while (i < length) {
      char c = value.charAt(i);
      if (c >= 0x80) {
        break;
      }
      out[at++] = (byte) c;
      i++;
    }
    for (; i < length; i++) {
      char c = value.charAt(i);
      if (c < 0x80) {
        out[at++] = (byte) c;
      } else if (c < 0x800) {
        out[at++] = (byte) (0xC0 | (c >>> 6));
        out[at++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1))) {
        int codePoint = Character.toCodePoint(c, value.charAt(++i));
        out[at++] = (byte) (0xF0 | (codePoint >>> 18));
        out[at++] = (byte) (0x80 | ((codePoint >>> 12) & 0x3F));
        out[at++] = (byte) (0x80 | ((codePoint >>> 6) & 0x3F));
        out[at++] = (byte) (0x80 | (codePoint & 0x3F));
      } else {
        out[at++] = (byte) (0xE0 | (c >>> 12));
        out[at++] = (byte) (0x80 | ((c >>> 6) & 0x3F));
        out[at++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    size = at;
  }

  /**
   * Writes a {@code byte[]} or {@code null}, after its length; {@code null} takes one byte and needs no presence
   * marker.
   *
   * @param value the bytes, or {@code null}
   * @throws IllegalStateException if the writer was sealed
   */
  public void writeBytes(byte[] value) {
    checkOpen();
    if (value == null) {
      writeVarint(0);
      return;
    }
    writeVarint(value.length + 1);
    ensure(value.length);
    System.arraycopy(value, 0, buffer, size, value.length);
    size += value.length;
  }

  /**
   * Writes an enum constant or {@code null} by its name, so that constants may be reordered; {@code null} needs no
   * presence marker. {@link CodecReader#readEnum} reads it back.
   *
   * @param value the constant, or {@code null}
   * @throws IllegalStateException if the writer was sealed
   */
  public void writeEnum(Enum<?> value) {
    writeString(value == null ? null : value.name());
  }

  private static long utf8Length(String value, int length) {
    long bytes = length;
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c >= 0x80) {
        if (c < 0x800) {
          bytes += 1;
        } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1))) {
          bytes += 2;
          i++;
        } else {
          bytes += 2;
        }
      }
    }
    return bytes;
  }

  private void writeVarint(int value) {
    ensure(5);
    while ((value & ~0x7F) != 0) {
      buffer[size++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    buffer[size++] = (byte) value;
  }

  private void writeHeader(long schemaHash) {
    buffer[0] = (byte) CodecFormat.VERSION;
    size = 1;
    writeFixedLong(schemaHash);
  }

  private void writeFixedInt(int value) {
    ensure(4);
    buffer[size++] = (byte) (value >>> 24);
    buffer[size++] = (byte) (value >>> 16);
    buffer[size++] = (byte) (value >>> 8);
    buffer[size++] = (byte) value;
  }

  private void writeFixedLong(long value) {
    writeFixedInt((int) (value >>> 32));
    writeFixedInt((int) value);
  }

  private void ensure(int more) {
    if (buffer.length - size < more) {
      long wanted = Math.max((long) buffer.length * 2, (long) size + more);
      if (wanted > Integer.MAX_VALUE - 8) {
        if ((long) size + more > Integer.MAX_VALUE - 8) {
          throw new IllegalStateException("an encoded value cannot exceed " + (Integer.MAX_VALUE - 8) + " bytes");
        }
        wanted = Integer.MAX_VALUE - 8;
      }
      buffer = Arrays.copyOf(buffer, (int) wanted);
    }
  }

  private void checkOpen() {
    if (sealed) {
      throw new IllegalStateException("this CodecWriter was sealed; start another for the next value");
    }
  }
}
