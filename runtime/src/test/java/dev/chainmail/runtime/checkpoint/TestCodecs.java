package dev.chainmail.runtime.checkpoint;

/** Codecs written the way generated ones will be, for the tests. */
final class TestCodecs {

  static final long STRING_SCHEMA = CodecFormat.schemaHash("java.lang.String");
  static final long ARGUMENTS_SCHEMA = CodecFormat.schemaHash("(java.lang.String...)");

  /** A nullable string. */
  static final Codec<String> STRING = new Codec<>() {
    @Override
    public byte[] encode(String value) {
      CodecWriter out = CodecWriter.start(STRING_SCHEMA);
      out.writeString(value);
      return out.seal();
    }

    @Override
    public String decode(byte[] bytes) {
      CodecReader in = CodecReader.open(STRING_SCHEMA, bytes);
      String value = in.readString();
      in.end();
      return value;
    }
  };

  private TestCodecs() {}

  /** Encodes arguments as a generated proxy would: each in turn, in one envelope. */
  static byte[] arguments(String... values) {
    CodecWriter out = CodecWriter.start(ARGUMENTS_SCHEMA);
    for (String value : values) {
      out.writeString(value);
    }
    return out.seal();
  }

  /** Writes a step's arguments as a generated proxy would, for {@link StepPolicy#begin}. */
  static CodecWriter stepArguments(String... values) {
    CodecWriter out = CodecWriter.arguments(ARGUMENTS_SCHEMA);
    for (String value : values) {
      out.writeString(value);
    }
    return out;
  }
}
