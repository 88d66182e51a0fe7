package dev.tollgate.internal.runner;

import dev.tollgate.internal.program.Program;
import java.time.Duration;
import java.util.Map;

/**
 * Runs programs for a check: on one system ({@link Executor}), or on a control and a candidate
 * side by side (a comparison).
 */
public interface ProgramRunner<M, S> {
  /** Runs {@code program} on freshly reset systems. */
  RunResult run(Program<M, S> program);

  /**
   * Runs a parallel program all its repetitions and counts the failures (see {@link
   * Executor#runAllRepetitions}); a sequential program once.
   */
  default RunResult runAllRepetitions(Program<M, S> program) {
    return run(program);
  }

  /**
   * Runs a parallel program until a repetition fails, at most {@code repetitions} times (fewer
   * than the check's, for shrinking); a sequential program once.
   */
  default RunResult runUpTo(Program<M, S> program, int repetitions) {
    return run(program);
  }

  /** From {@code nanos} on, programs stop before their next step; see {@link Executor#stopAt}. */
  void stopAt(long nanos, Duration grace);

  /** True once the time of {@link #stopAt} has passed. */
  boolean outOfTime();

  /** The control's latency samples per command, for a comparison; empty otherwise. */
  default Map<String, LatencySamples> controlLatencies() {
    return Map.of();
  }

  /** What the reports say of the systems, besides the system the check was given. */
  default Map<String, Object> describe() {
    return Map.of();
  }
}
