package dev.chainmail.runtime.checkpoint;

import java.security.DigestException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Fingerprints of encoded arguments: the first {@value #LENGTH} bytes of their SHA-256. Two different argument
 * encodings share a fingerprint with odds of about 2<sup>-128</sup>, far below those of a disk error; a collision
 * would only let a replay that differs go unnoticed.
 *
 * <p>Each thread keeps its digest and scratch space, so that a step found recorded fingerprints its arguments and
 * compares without allocating. Instances are confined to their thread.
 */
final class Fingerprints {

  /** The length of a fingerprint, in bytes. */
  static final int LENGTH = 16;

  private static final ThreadLocal<Fingerprints> PER_THREAD = new PerThread();

  private final MessageDigest sha256 = CodecFormat.sha256();
  private final byte[] scratch = new byte[32];

  private Fingerprints() {}

  /** @return the calling thread's fingerprinter */
  static Fingerprints get() {
    return PER_THREAD.get();
  }

  /** Fingerprints {@code bytes} into this thread's scratch space, read by {@link #matches} and {@link #copy}. */
  Fingerprints of(byte[] bytes) {
    sha256.update(bytes);
    try {
      sha256.digest(scratch, 0, scratch.length);
    } catch (DigestException e) {
      throw new IllegalStateException("SHA-256 did not fit its 32 bytes", e);
    }
    return this;
  }

  /** @return whether the last fingerprint computed equals {@code recorded} */
  boolean matches(byte[] recorded) {
    return recorded.length == LENGTH && Arrays.equals(scratch, 0, LENGTH, recorded, 0, LENGTH);
  }

  /** @return a copy of the last fingerprint computed */
  byte[] copy() {
    return Arrays.copyOf(scratch, LENGTH);
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
      return new Fingerprints();
    }
  }
}
