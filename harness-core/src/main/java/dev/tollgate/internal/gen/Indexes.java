package dev.tollgate.internal.gen;

import dev.tollgate.gen.Choices;
import dev.tollgate.gen.Distribution;

/** Maps choices to numbers so that a smaller choice is always a number nearer to zero. */
public final class Indexes {
  private static final int LOW_BITS = 30;

  private Indexes() {}

  /** An index in {@code [0, size)}, from one choice or, for large sizes, two. */
  public static long draw(Choices choices, long size, Distribution distribution) {
    if (size <= Integer.MAX_VALUE) {
      return choices.choose((int) size, distribution);
    }
    long highBound = ((size - 1) >>> LOW_BITS) + 1;
    int high = choices.choose((int) Math.min(highBound, Integer.MAX_VALUE), Distribution.smallBiased());
    int low = choices.choose(1 << LOW_BITS, high == 0 ? distribution : Distribution.uniform());
    return Math.min(size - 1, ((long) high << LOW_BITS) | low);
  }

  /**
   * The value at {@code index} when the values of {@code [min, max]} are ordered by their distance
   * from zero: 0, 1, -1, 2, -2, … within the range.
   */
  public static long simplestFirst(long min, long max, long index) {
    if (min > 0) {
      return min + index;
    }
    if (max < 0) {
      return max - index;
    }
    long up = max;
    long down = -min;
    long pairs = Math.min(up, down);
    if (index <= 2 * pairs) {
      return (index % 2 == 1) ? (index + 1) / 2 : -(index / 2);
    }
    long beyond = index - pairs;
    return up > down ? beyond : -beyond;
  }
}
