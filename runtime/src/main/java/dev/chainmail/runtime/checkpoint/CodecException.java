package dev.chainmail.runtime.checkpoint;

/**
 * Thrown by {@link CodecReader} and generated codecs when bytes do not decode: a wrong format version, schema hash
 * or checksum, bytes cut short or left over, or a value that its type cannot take, such as an enum constant that no
 * longer exists. The proxy reports it as a {@link CheckpointCorruptedException} that names the run and the step.
 *
 * <p>Instances are thread-safe.
 */
public final class CodecException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message what does not decode, and where
   */
  public CodecException(String message) {
    super(message);
  }
}
