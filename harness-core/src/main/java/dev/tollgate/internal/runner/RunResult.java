package dev.tollgate.internal.runner;

/** The outcome of running one program: passed, or the failure; and each step's latency. */
public record RunResult(Failure failure, int stepsRun, long[] latencyNanos, long resetNanos) {

  public boolean passed() {
    return failure == null;
  }
}
