package dev.tollgate.examples.peerbench;

/**
 * What the benchmark measures inside one check, the same way in all three tools: how many steps
 * ran against the system, and when the first failing check happened.
 */
final class Meter {
  private final long start = System.nanoTime();
  private long steps;
  private long stepsAtFirstFailure = -1;
  private long firstFailureNanos = -1;
  private long firstStepNanos = -1;

  void ran() {
    if (firstStepNanos < 0) {
      firstStepNanos = System.nanoTime() - start;
    }
    steps++;
  }

  void failed() {
    if (firstFailureNanos < 0) {
      firstFailureNanos = System.nanoTime() - start;
      stepsAtFirstFailure = steps;
    }
  }

  long steps() {
    return steps;
  }

  long stepsAtFirstFailure() {
    return stepsAtFirstFailure;
  }

  /** Milliseconds from the start to the first failure, or -1 when none failed. */
  double firstFailureMillis() {
    return firstFailureNanos < 0 ? -1 : firstFailureNanos / 1e6;
  }

  /** Milliseconds from the start to the first step against the system: the tool's fixed cost. */
  double firstStepMillis() {
    return firstStepNanos < 0 ? -1 : firstStepNanos / 1e6;
  }

  double elapsedMillis() {
    return (System.nanoTime() - start) / 1e6;
  }
}
