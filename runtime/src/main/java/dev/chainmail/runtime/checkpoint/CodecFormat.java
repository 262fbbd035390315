package dev.chainmail.runtime.checkpoint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The byte format of generated codecs: an envelope around the encoded value, and the schema hash that ties the
 * bytes to the shape of their type.
 *
 * <p>Every value a generated codec writes is one envelope, all integers big-endian:
 * <pre>
 *   offset 0         1 byte    format version, {@value #VERSION}
 *   offset 1         8 bytes   schema hash of the type, from {@link #schemaHash(String)}
 *   offset 9         n bytes   the body, written by {@link CodecWriter}
 *   offset 9 + n     4 bytes   CRC32C of every byte before it
 * </pre>
 * In the body:
 * <ul>
 *   <li>{@code boolean}: one byte, 0 or 1; {@code byte}: one byte; {@code short} and {@code char}: two bytes;
 *       {@code float} and {@code double}: their raw IEEE 754 bits in four and eight bytes;
 *   <li>{@code int} and {@code long}: zigzag-encoded varints (7 bits a byte, least significant group first, high bit
 *       set on every byte but the last), at most 5 and 10 bytes;
 *   <li>a presence marker, before a value that may be {@code null}: one byte, 0 for {@code null}, 1 for a value;
 *   <li>a size (of a collection, a map, an array): an unsigned varint;
 *   <li>a {@code String}: an unsigned varint of its UTF-8 length plus one, 0 for {@code null}, then its UTF-8 bytes;
 *       an unpaired surrogate is written as its three-byte sequence, so that every string reads back equal;
 *   <li>a {@code byte[]}: an unsigned varint of its length plus one, 0 for {@code null}, then its bytes;
 *   <li>an enum constant: its {@link Enum#name() name}, as a {@code String}, so that reordering constants is safe.
 * </ul>
 *
 * <p>This class is thread-safe.
 */
public final class CodecFormat {

  /** The format version that this runtime writes and reads. */
  public static final int VERSION = 1;

  /** The length of the envelope around the body: version, schema hash and checksum. */
  static final int HEADER = 9;
  static final int TRAILER = 4;

  private CodecFormat() {}

  /**
   * Computes the schema hash of a type from a canonical description of its shape, such as
   * {@code record com.example.Doc(java.lang.String title, java.util.List<java.lang.String> tags)}: the first eight
   * bytes of the description's SHA-256, UTF-8 encoded, as a big-endian {@code long}. Generated codecs compute it
   * once, in a static initializer; a change of shape changes the hash, so that old bytes are refused, not misread.
   *
   * @param canonicalShape the description of the type's shape, the same on every build for the same shape
   * @return the schema hash
   * @throws NullPointerException if {@code canonicalShape} is null
   */
  public static long schemaHash(String canonicalShape) {
    byte[] digest = sha256().digest(canonicalShape.getBytes(StandardCharsets.UTF_8));
    long hash = 0;
    for (int i = 0; i < 8; i++) {
      hash = (hash << 8) | (digest[i] & 0xFF);
    }
    return hash;
  }

  /** @return a new SHA-256 digest, which every Java platform has */
  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this Java platform has no SHA-256, which the Java SE spec requires", e);
    }
  }
}
