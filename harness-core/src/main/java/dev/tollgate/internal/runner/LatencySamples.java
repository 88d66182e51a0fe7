package dev.tollgate.internal.runner;

import java.util.Arrays;

/** Latency samples of one command, for percentiles. */
public final class LatencySamples {
  private long[] nanos = new long[16];
  private int size;

  public void add(long value) {
    if (size == nanos.length) {
      nanos = Arrays.copyOf(nanos, size * 2);
    }
    nanos[size++] = value;
  }

  public int count() {
    return size;
  }

  /** The {@code p}-th percentile (0–100) in milliseconds, nearest rank. */
  public double percentileMillis(double p) {
    if (size == 0) {
      return 0;
    }
    long[] sorted = Arrays.copyOf(nanos, size);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * size);
    return sorted[Math.max(0, Math.min(size - 1, rank - 1))] / 1_000_000.0;
  }
}
