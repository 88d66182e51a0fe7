package dev.tollgate.internal.linearizability;

/**
 * How long the search may go on before it answers "unknown": a number of search steps (each
 * try or undo of one operation), and a deadline on the monotonic clock. Shared by the partitions
 * of one check.
 */
final class Budget {
  private final long maxSteps;
  private final long deadlineNanos;
  private long used;

  Budget(long maxSteps, long deadlineNanos) {
    this.maxSteps = maxSteps;
    this.deadlineNanos = deadlineNanos;
  }

  /** True once the steps are spent or the deadline has passed; otherwise counts one step. */
  boolean exhausted(long stepsOfThisSearch) {
    // The clock is read every 1,024 steps: a step costs well under a microsecond.
    if (used >= maxSteps
        || ((stepsOfThisSearch & 1023) == 1023 && System.nanoTime() - deadlineNanos > 0)) {
      return true;
    }
    used++;
    return false;
  }

}
