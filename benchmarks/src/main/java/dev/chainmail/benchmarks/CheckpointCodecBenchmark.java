package dev.chainmail.benchmarks;

import dev.chainmail.benchmarks.chains.DurableChain;
import dev.chainmail.runtime.checkpoint.Codec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scenario {@code checkpoint-codec}: encoding and then decoding a record of ten fields with the generated codec,
 * against Java serialization of the same record. Target: at least 5x faster, and at least 3x fewer bytes stored;
 * the sizes are checked and printed in {@link #setUp()}.
 */
@BenchmarkMode(Mode.AverageTime)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class CheckpointCodecBenchmark {

  private final Codec<DurableChain.Paper> codec = DurableChain.paperCodec();
  private DurableChain.Paper paper;

  @Setup(Level.Trial)
  public void setUp() throws IOException, ClassNotFoundException {
    paper = DurableChain.PAPER;
    int generated = codec.encode(paper).length;
    int serialized = serialize(paper).length;
    System.out.println("checkpoint-codec bytes stored: generated codec " + generated + " B, Java serialization "
        + serialized + " B (" + String.format("%.1f", serialized / (double) generated) + "x)");
    if (!paper.equals(chainmail()) || !paper.equals(javaSerialization())) {
      throw new IllegalStateException("checkpoint-codec: a round trip changed the record");
    }
  }

  @Benchmark
  public DurableChain.Paper chainmail() {
    return codec.decode(codec.encode(paper));
  }

  @Benchmark
  public DurableChain.Paper javaSerialization() throws IOException, ClassNotFoundException {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(serialize(paper)))) {
      return (DurableChain.Paper) in.readObject();
    }
  }

  private static byte[] serialize(DurableChain.Paper value) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    return bytes.toByteArray();
  }
}
