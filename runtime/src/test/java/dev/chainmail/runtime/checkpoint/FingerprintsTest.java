package dev.chainmail.runtime.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FingerprintsTest {

  /**
   * SipHash-2-4 with a 128-bit output of the bytes {@code 00 01 .. (n-1)} under the key {@code 00 01 .. 0f}: rows of
   * {@code vectors_sip128} in the reference implementation's {@code vectors.h} (github.com/veorq/SipHash), which
   * cover no tail, every tail length and several blocks.
   */
  private static final Map<Integer, String> REFERENCE = Map.of(
      0, "a3817f04ba25a8e66df67214c7550293",
      1, "da87c1d86b99af44347659119b22fc45",
      7, "a1f1ebbed8dbc153c0b84aa61ff08239",
      8, "3b62a9ba6258f5610f83e264f31497b4",
      15, "5493e99933b0a8117e08ec0f97cfc3d9",
      16, "6ee2a4ca67b054bbfd3315bf85230577",
      32, "7c3956ca5eeafc3e363e9d556546eb68",
      33, "77c6077146f01c32b6b69d5f4ea9ffcf",
      63, "5150d1772f50834a503e069a973fbd7c");

  private static final Fingerprints REFERENCE_KEY = new Fingerprints(0x0706050403020100L, 0x0f0e0d0c0b0a0908L);

  @Test
  void matchesTheReferenceVectors() {
    REFERENCE.forEach((length, expected) ->
        assertEquals(expected, Fingerprints.hex(REFERENCE_KEY.of(counting(length)).copy()), "length " + length));
  }

  @Test
  void fingerprintsARangeAsItsCopy() {
    byte[] padded = new byte[70];
    System.arraycopy(counting(33), 0, padded, 5, 33);
    assertArrayEquals(REFERENCE_KEY.of(counting(33)).copy(), REFERENCE_KEY.of(padded, 5, 33).copy());
  }

  @Test
  void matchesOnlyTheLastFingerprint() {
    byte[] recorded = Fingerprints.compute(new byte[] {1, 2, 3});
    assertEquals(Fingerprints.LENGTH, recorded.length);
    assertTrue(Fingerprints.get().of(new byte[] {1, 2, 3}).matches(recorded));
    assertFalse(Fingerprints.get().of(new byte[] {1, 2, 4}).matches(recorded));
    assertFalse(Fingerprints.get().of(new byte[] {1, 2, 3}).matches(new byte[8]));
  }

  @Test
  void separatesPrefixesAndTrailingZeros() {
    Set<String> seen = new HashSet<>();
    for (int length = 0; length <= 40; length++) {
      assertTrue(seen.add(Fingerprints.hex(Fingerprints.compute(new byte[length]))), "length " + length);
    }
    assertNotEquals(HexFormat.of().formatHex(Fingerprints.compute(counting(9))),
        HexFormat.of().formatHex(REFERENCE_KEY.of(counting(9)).copy()), "the fingerprint key is not the test key");
  }

  private static byte[] counting(int length) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) i;
    }
    return bytes;
  }
}
