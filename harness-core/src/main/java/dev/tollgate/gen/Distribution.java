package dev.tollgate.gen;

import java.util.SplittableRandom;

/** How fresh random draws of one choice are spread. Replays ignore it. */
@FunctionalInterface
public interface Distribution {

  /** Draws a value in {@code [0, bound)}. */
  int draw(int bound, SplittableRandom random);

  static Distribution uniform() {
    return (bound, random) -> random.nextInt(bound);
  }

  /** 1 with probability {@code p}, else 0 (for a bound of 2). */
  static Distribution bernoulli(double p) {
    return (bound, random) -> random.nextDouble() < p ? Math.min(1, bound - 1) : 0;
  }

  /** Index {@code i} with weight {@code weights[i]}; indexes past the weights get none. */
  static Distribution weighted(int... weights) {
    int[] copy = weights.clone();
    return (bound, random) -> {
      int n = Math.min(bound, copy.length);
      long total = 0;
      for (int i = 0; i < n; i++) {
        total += copy[i];
      }
      if (total <= 0) {
        return random.nextInt(bound);
      }
      long pick = random.nextLong(total);
      for (int i = 0; i < n; i++) {
        pick -= copy[i];
        if (pick < 0) {
          return i;
        }
      }
      return n - 1;
    };
  }

  /** Mostly small values, sometimes the largest ones (edges), else anything. */
  static Distribution smallBiased() {
    return (bound, random) -> {
      double r = random.nextDouble();
      if (r < 0.55) {
        return random.nextInt(Math.min(bound, 8));
      }
      if (r < 0.70) {
        return bound - 1 - random.nextInt(Math.min(bound, 2));
      }
      return random.nextInt(bound);
    };
  }
}
