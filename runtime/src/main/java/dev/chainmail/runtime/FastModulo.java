package dev.chainmail.runtime;

/**
 * {@code a % d} for a fixed divisor and a non-negative {@code int}, by three multiplications instead of a division,
 * which costs several times more on the hot path of a load balancer: Lemire, Kaser and Kurz, "Faster Remainder by
 * Direct Computation" (2019). Immutable and thread-safe.
 */
final class FastModulo {

  private final int divisor;
  private final long magic;

  /** @param divisor the divisor, at least 1 */
  FastModulo(int divisor) {
    if (divisor < 1) {
      throw new IllegalArgumentException("a divisor must be at least 1, was " + divisor);
    }
    this.divisor = divisor;
    this.magic = Long.divideUnsigned(-1L, divisor) + 1;
  }

  /** @return {@code a % divisor}, for {@code a >= 0} */
  int of(int a) {
    long low = magic * a;
    return (int) (((low >>> 32) * divisor + (((low & 0xFFFFFFFFL) * divisor) >>> 32)) >>> 32);
  }
}
