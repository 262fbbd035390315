package dev.chainmail.runtime.checkpoint;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.HexFormat;

/**
 * Fingerprints of encoded arguments: their SipHash-2-4 with a 128-bit output (Aumasson and Bernstein, 2012),
 * under a fixed key, so that every process computes the same fingerprint for the same bytes. Two different
 * argument encodings share a fingerprint with odds of about 2<sup>-128</sup>, far below those of a disk error; a
 * collision would only let a replay that differs go unnoticed.
 *
 * <p>SipHash replaced SHA-256 here because a step found recorded fingerprints its arguments on every call: SHA-256
 * took about 70 ns for a short argument list, SipHash takes a fraction of that. The fingerprint checks that a
 * replay is deterministic; it is not a defence against someone who controls a step's arguments and sets out to
 * forge a collision, which the key, being public, does not prevent.
 *
 * <p>Each thread keeps its fingerprinter, so that a step found recorded fingerprints its arguments and compares
 * without allocating. Instances are confined to their thread.
 */
final class Fingerprints {

  /** The length of a fingerprint, in bytes. */
  static final int LENGTH = 16;

  private static final VarHandle LITTLE_ENDIAN_LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  /** The key's two halves, the ASCII of {@code "dev.chainmail.fp"} read as little-endian longs. */
  private static final long KEY_0 = 0x69616863_2e766564L;
  private static final long KEY_1 = 0x70662e6c_69616d6eL;

  private static final ThreadLocal<Fingerprints> PER_THREAD = new PerThread();

  private final long key0;
  private final long key1;
  /** SipHash's state while a fingerprint is computed. */
  private long v0;
  private long v1;
  private long v2;
  private long v3;
  /** The last fingerprint computed, as SipHash's two output words. */
  private long low;
  private long high;

  Fingerprints(long key0, long key1) {
    this.key0 = key0;
    this.key1 = key1;
  }

  /** @return the calling thread's fingerprinter */
  static Fingerprints get() {
    return PER_THREAD.get();
  }

  /** Fingerprints {@code bytes}, for {@link #matches} and {@link #copy}. */
  Fingerprints of(byte[] bytes) {
    return of(bytes, 0, bytes.length);
  }

  /** Fingerprints {@code length} bytes from {@code offset}, as {@link #of(byte[])} does. */
  Fingerprints of(byte[] bytes, int offset, int length) {
    v0 = 0x736f6d6570736575L ^ key0;
    v1 = 0x646f72616e646f6dL ^ key1 ^ 0xee;
    v2 = 0x6c7967656e657261L ^ key0;
    v3 = 0x7465646279746573L ^ key1;
    int tail = offset + (length & ~7);
    for (int at = offset; at < tail; at += 8) {
      compress((long) LITTLE_ENDIAN_LONGS.get(bytes, at));
    }
    long last = (long) length << 56;
    for (int i = 0; i < (length & 7); i++) {
      last |= (bytes[tail + i] & 0xFFL) << (8 * i);
    }
    compress(last);
    v2 ^= 0xee;
    rounds(4);
    low = v0 ^ v1 ^ v2 ^ v3;
    v1 ^= 0xdd;
    rounds(4);
    high = v0 ^ v1 ^ v2 ^ v3;
    return this;
  }

  private void compress(long word) {
    v3 ^= word;
    rounds(2);
    v0 ^= word;
  }

  private void rounds(int count) {
    long a = v0;
    long b = v1;
    long c = v2;
    long d = v3;
    for (int i = 0; i < count; i++) {
      a += b;
      b = Long.rotateLeft(b, 13) ^ a;
      a = Long.rotateLeft(a, 32);
      c += d;
      d = Long.rotateLeft(d, 16) ^ c;
      a += d;
      d = Long.rotateLeft(d, 21) ^ a;
      c += b;
      b = Long.rotateLeft(b, 17) ^ c;
      c = Long.rotateLeft(c, 32);
    }
    v0 = a;
    v1 = b;
    v2 = c;
    v3 = d;
  }

  /** @return whether the last fingerprint computed equals {@code recorded} */
  boolean matches(byte[] recorded) {
    return recorded.length == LENGTH && (long) LITTLE_ENDIAN_LONGS.get(recorded, 0) == low
        && (long) LITTLE_ENDIAN_LONGS.get(recorded, 8) == high;
  }

  /** @return a copy of the last fingerprint computed: SipHash's output bytes, as its reference code writes them */
  byte[] copy() {
    byte[] fingerprint = new byte[LENGTH];
    LITTLE_ENDIAN_LONGS.set(fingerprint, 0, low);
    LITTLE_ENDIAN_LONGS.set(fingerprint, 8, high);
    return fingerprint;
  }

  /** @return a fingerprint in lower-case hexadecimal */
  static String hex(byte[] fingerprint) {
    return HexFormat.of().formatHex(fingerprint);
  }

  /** @return a new array with the fingerprint of {@code bytes} */
  static byte[] compute(byte[] bytes) {
    return get().of(bytes).copy();
  }

  private static final class PerThread extends ThreadLocal<Fingerprints> {
    @Override
    protected Fingerprints initialValue() {
      return new Fingerprints(KEY_0, KEY_1);
    }
  }
}
