package dev.tollgate.internal.text;

import java.time.Duration;
import java.util.Locale;

/** Durations as messages show them. */
public final class Durations {
  private Durations() {}

  /** {@code 5 s}, {@code 300 ms}, {@code 1.5 s}. */
  public static String show(Duration duration) {
    long millis = duration.toMillis();
    if (millis < 1000) {
      return millis + " ms";
    }
    if (millis % 1000 == 0) {
      return millis / 1000 + " s";
    }
    return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }
}
