package dev.tollgate.internal.runner;

import dev.tollgate.internal.program.Program;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs programs as {@code runner} does and adds to what the reports say of the systems: for a
 * check on a schema that a later release migrated, which release's model ran and which
 * migrations it ran after ({@code report.json}'s {@code migration}, which the gate rules on).
 */
public final class DescribedRunner<M, S> implements ProgramRunner<M, S> {
  private final ProgramRunner<M, S> runner;
  private final Map<String, Object> more;

  public DescribedRunner(ProgramRunner<M, S> runner, Map<String, Object> more) {
    this.runner = runner;
    this.more = Map.copyOf(more);
  }

  @Override
  public RunResult run(Program<M, S> program) {
    return runner.run(program);
  }

  @Override
  public RunResult runAllRepetitions(Program<M, S> program) {
    return runner.runAllRepetitions(program);
  }

  @Override
  public RunResult runUpTo(Program<M, S> program, int repetitions) {
    return runner.runUpTo(program, repetitions);
  }

  @Override
  public void stopAt(long nanos, Duration grace) {
    runner.stopAt(nanos, grace);
  }

  @Override
  public boolean outOfTime() {
    return runner.outOfTime();
  }

  @Override
  public Map<String, LatencySamples> controlLatencies() {
    return runner.controlLatencies();
  }

  @Override
  public Map<String, Object> describe() {
    Map<String, Object> description = new LinkedHashMap<>(runner.describe());
    description.putAll(more);
    return description;
  }
}
