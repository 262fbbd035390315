package dev.chainmail.runtime.checkpoint;

/**
 * Turns values of one type into bytes and back, so that a step's result can be recorded and its arguments
 * fingerprinted.
 *
 * <p>The annotation processor generates a codec for each type built from strings, primitives and their boxes,
 * {@code byte[]}, enums, records, {@code List}, {@code Set}, {@code Map} and {@code Optional}; any other type
 * needs a codec named by {@code @Checkpoint(codec = ...)}, with a public no-argument constructor. Generated codecs
 * write their bytes with {@link CodecWriter} and read them with {@link CodecReader}, and treat {@code null} as a
 * value like any other, anywhere in the value.
 *
 * <p>{@code decode(encode(v))} must equal {@code v}, and equal values must encode to equal bytes, since arguments
 * are compared through their bytes. A codec given bytes it did not write, or damaged bytes, must throw a
 * {@link RuntimeException} rather than return a wrong value: the proxy reports it as a
 * {@link CheckpointCorruptedException}.
 *
 * <p>Implementations must be thread-safe: one instance serves every call of every step of its type.
 *
 * @param <T> the type of the values
 */
public interface Codec<T> {

  /**
   * Encodes a value.
   *
   * @param value the value; may be {@code null} for a generated codec, which encodes it like any other value
   * @return the bytes, never {@code null}; the caller may keep them and will not modify them
   */
  byte[] encode(T value);

  /**
   * Decodes a value that {@link #encode} wrote.
   *
   * @param bytes bytes returned by {@link #encode}; the codec must not modify them
   * @return the value; {@code null} if a {@code null} was encoded
   * @throws RuntimeException if the bytes are damaged or were not written by this codec for this type; a
   *     {@link CodecException} for generated codecs
   */
  T decode(byte[] bytes);
}
