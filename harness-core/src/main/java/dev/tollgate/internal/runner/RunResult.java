package dev.tollgate.internal.runner;

import dev.tollgate.internal.program.Bindings;
import dev.tollgate.internal.text.Durations;
import dev.tollgate.report.Exchange;
import java.time.Duration;
import java.util.List;

/**
 * The outcome of running one program: passed, or the failure; each step's latency, and the
 * exchanges each step's client recorded (empty lists for clients that record none), and the
 * values this run gave the program's references (reports show them beside the exchanges of the
 * same run). A run that the time budget stopped before its end has a {@link Cut}; it neither
 * passed nor failed. A comparison run also carries the control's exchanges, step by step.
 */
public record RunResult(
    Failure failure,
    int stepsRun,
    long[] latencyNanos,
    long resetNanos,
    List<List<Exchange>> exchanges,
    Cut cut,
    Bindings bindings,
    List<List<Exchange>> controlExchanges,
    ParallelOutcome parallel) {

  public RunResult(
      Failure failure, int stepsRun, long[] latencyNanos, long resetNanos,
      List<List<Exchange>> exchanges, Cut cut, Bindings bindings,
      List<List<Exchange>> controlExchanges) {
    this(failure, stepsRun, latencyNanos, resetNanos, exchanges, cut, bindings, controlExchanges,
        null);
  }

  public RunResult(
      Failure failure, int stepsRun, long[] latencyNanos, long resetNanos,
      List<List<Exchange>> exchanges, Cut cut, Bindings bindings) {
    this(failure, stepsRun, latencyNanos, resetNanos, exchanges, cut, bindings, null);
  }

  public RunResult(
      Failure failure, int stepsRun, long[] latencyNanos, long resetNanos,
      List<List<Exchange>> exchanges) {
    this(failure, stepsRun, latencyNanos, resetNanos, exchanges, null, Bindings.none());
  }

  /**
   * Where the time budget stopped a run: before step {@code step} ({@code command}) began, or,
   * if {@code interrupted}, while it was running, after {@code ranNanos}; its thread was then
   * interrupted and abandoned.
   */
  public record Cut(int step, String command, boolean interrupted, long ranNanos) {
    public String describe() {
      return interrupted
          ? "step " + (step + 1) + " (" + command + ") was still running after "
              + Durations.show(Duration.ofNanos(ranNanos))
              + "; its thread was interrupted and abandoned"
          : "it stopped before step " + (step + 1) + " (" + command + ")";
    }
  }

  /** The same outcome, with the control's exchanges of a comparison run beside it. */
  public RunResult withControl(List<List<Exchange>> control) {
    return new RunResult(
        failure, stepsRun, latencyNanos, resetNanos, exchanges, cut, bindings, control, parallel);
  }

  /** This result with {@code value} as how its branches ran. */
  public RunResult withParallel(ParallelOutcome value) {
    return new RunResult(failure, stepsRun, latencyNanos, resetNanos, exchanges, cut, bindings,
        controlExchanges, value);
  }

  /** True if no check failed; a {@link #cut()} run passed as far as it went. */
  public boolean passed() {
    return failure == null;
  }
}
