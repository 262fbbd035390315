package dev.chainmail.runtime.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Fragments: the canonical order that makes equal sets and maps encode alike. */
class CodecFragmentTest {

  private static final long SCHEMA = CodecFormat.schemaHash("Set<String>");

  private static byte[] encode(List<String> elements) {
    byte[][] fragments = new byte[elements.size()][];
    for (int i = 0; i < elements.size(); i++) {
      CodecWriter fragment = CodecWriter.fragment();
      fragment.writeString(elements.get(i));
      fragments[i] = fragment.toFragment();
    }
    CodecWriter out = CodecWriter.start(SCHEMA);
    out.writeSortedFragments(fragments);
    return out.seal();
  }

  @Test
  void elementsInAnyOrderEncodeToTheSameBytes() {
    assertArrayEquals(encode(List.of("b", "a", "\u00e9", "aa")), encode(List.of("aa", "\u00e9", "a", "b")));
  }

  @Test
  void sortedFragmentsReadBackAsIfWrittenInPlace() {
    CodecReader in = CodecReader.open(SCHEMA, encode(List.of("pear", "apple", "fig")));
    int size = in.readSize();
    String[] read = new String[size];
    for (int i = 0; i < size; i++) {
      read[i] = in.readString();
    }
    in.end();
    assertEquals(List.of("fig", "pear", "apple"), List.of(read), "by encoded bytes: the length comes first");
  }

  @Test
  void aFragmentHasNoEnvelopeAndAValueNeedsOne() {
    CodecWriter fragment = CodecWriter.fragment();
    fragment.writeInt(1);
    assertEquals(1, fragment.toFragment().length);
    assertThrows(IllegalStateException.class, fragment::toFragment);
    assertThrows(IllegalStateException.class, () -> CodecWriter.fragment().seal());
    assertThrows(IllegalStateException.class, () -> CodecWriter.start(SCHEMA).toFragment());
  }
}
