package dev.chainmail.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FastModuloTest {

  @Test
  void equalsTheRemainderForEveryDivisorAReplicaSetOrScheduleHas() {
    SplittableRandom random = new SplittableRandom(7);
    for (int divisor = 1; divisor <= ReplicaPolicy.MAX_SCHEDULE; divisor++) {
      FastModulo modulo = new FastModulo(divisor);
      for (int k = 0; k < 200; k++) {
        int a = k < 50 ? k : k < 100 ? Integer.MAX_VALUE - k : random.nextInt(Integer.MAX_VALUE);
        assertEquals(a % divisor, modulo.of(a), a + " % " + divisor);
      }
    }
  }

  @Test
  void refusesADivisorBelowOne() {
    assertThrows(IllegalArgumentException.class, () -> new FastModulo(0));
  }
}
