package dev.tollgate.internal.runner;

import dev.tollgate.report.Exchange;
import java.util.List;

/**
 * The outcome of running one program: passed, or the failure; each step's latency, and the
 * exchanges each step's client recorded (empty lists for clients that record none).
 */
public record RunResult(
    Failure failure,
    int stepsRun,
    long[] latencyNanos,
    long resetNanos,
    List<List<Exchange>> exchanges) {

  public boolean passed() {
    return failure == null;
  }
}
