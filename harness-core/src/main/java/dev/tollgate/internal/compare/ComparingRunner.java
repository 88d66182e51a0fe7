package dev.tollgate.internal.compare;

import dev.tollgate.internal.module.HttpModules;
import dev.tollgate.internal.program.Program;
import dev.tollgate.internal.program.Step;
import dev.tollgate.internal.runner.Executor;
import dev.tollgate.internal.runner.Failure;
import dev.tollgate.internal.runner.LatencySamples;
import dev.tollgate.internal.runner.ProgramRunner;
import dev.tollgate.internal.runner.RunResult;
import dev.tollgate.model.Model;
import dev.tollgate.model.Ref;
import dev.tollgate.report.Exchange;
import dev.tollgate.runner.SystemUnderTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Runs each program on the control and on the candidate, each freshly reset, and compares them
 * step by step. The first step whose answers differ is a {@link Failure.Kind#DIVERGENCE}; a model
 * check that fails on either side fails the run as it would alone (the candidate's first). The two
 * run in turns, the control first on even programs and the candidate first on odd ones, so the
 * latencies of each side are measured under the same conditions.
 */
public final class ComparingRunner<M, S> implements ProgramRunner<M, S> {
  private final Executor<M, S> control;
  private final Executor<M, S> candidate;
  private final ExchangeDiff diff;
  private final Map<String, Object> description;
  private final Map<String, LatencySamples> controlLatencies = new LinkedHashMap<>();
  private long programs;

  public ComparingRunner(Model<M, S> model, SystemUnderTest<S> control,
      SystemUnderTest<S> candidate, List<String> ignoredPaths, Duration stepTimeout,
      Map<String, Object> description) {
    this.control = new Executor<>(model, control, stepTimeout);
    this.candidate = new Executor<>(model, candidate, stepTimeout);
    this.diff = HttpModules.find().map(http -> http.diff(ignoredPaths))
        .orElse(ComparingRunner::withoutHttp);
    this.description = Map.copyOf(description);
  }

  @Override
  public RunResult run(Program<M, S> program) {
    RunResult a;
    RunResult b;
    if (programs++ % 2 == 0) {
      a = control.run(program);
      b = candidate.run(program);
    } else {
      b = candidate.run(program);
      a = control.run(program);
    }
    if (a.cut() != null) {
      return a;
    }
    if (b.cut() != null) {
      return b.withControl(a.exchanges());
    }
    // The control's latency of each step that passed on both sides, as the candidate's counts.
    int passedOnBoth = Math.min(passedSteps(a), passedSteps(b));
    for (int i = 0; i < passedOnBoth; i++) {
      record(program.steps().get(i), a.latencyNanos()[i]);
    }
    UnaryOperator<String> map = mapping(refValues(program, b), refValues(program, a));
    int both = Math.min(a.stepsRun(), b.stepsRun());
    for (int i = 0; i < both; i++) {
      boolean aFailed = a.failure() != null && a.failure().step() == i;
      boolean bFailed = b.failure() != null && b.failure().step() == i;
      if (bFailed) {
        return b.withControl(a.exchanges());
      }
      if (aFailed) {
        return onControl(program, a, b);
      }
      Optional<ExchangeDiff.Difference> difference =
          diff.compare(exchanges(a, i), exchanges(b, i), map);
      if (difference.isPresent()) {
        return diverged(program.steps().get(i), difference.get(), a, b);
      }
    }
    if (b.failure() != null) {
      return b.withControl(a.exchanges());
    }
    if (a.failure() != null) {
      return onControl(program, a, b);
    }
    return b.withControl(a.exchanges());
  }

  /** Without the HTTP module no client records exchanges; one that does needs it to compare them. */
  private static Optional<ExchangeDiff.Difference> withoutHttp(
      List<Exchange> control, List<Exchange> candidate, UnaryOperator<String> map) {
    if (control.isEmpty() && candidate.isEmpty()) {
      return Optional.empty();
    }
    throw HttpModules.missing("runner.compare(..)");
  }

  private static int passedSteps(RunResult result) {
    return result.failure() == null ? result.stepsRun() : result.failure().step();
  }

  private static List<Exchange> exchanges(RunResult result, int step) {
    return step < result.exchanges().size() ? result.exchanges().get(step) : List.of();
  }

  private void record(Step<M, S> step, long nanos) {
    controlLatencies.computeIfAbsent(step.command().name(), k -> new LatencySamples()).add(nanos);
  }

  /** The candidate's outcome up to and with the step where the two answered differently. */
  private static RunResult diverged(
      Step<?, ?> step, ExchangeDiff.Difference difference, RunResult control, RunResult candidate) {
    int i = step.step();
    AssertionError cause = new AssertionError("step " + (i + 1) + " (" + step.describe() + "): the"
        + " candidate answered differently from the control at " + difference.where() + ".\n"
        + "  control:   " + difference.control() + "\n"
        + "  candidate: " + difference.candidate() + "\n"
        + "Expected the candidate to answer as the control does. If this difference is expected"
        + " (a timestamp, a generated value), ignore its path: Comparison.ignoring(\""
        + difference.kind().replaceFirst("^(request \\d+: )?body\\.?", "") + "\").");
    return new RunResult(
        new Failure(i, step.command().name(), Failure.Kind.DIVERGENCE, difference.kind(), cause),
        i + 1, candidate.latencyNanos(), candidate.resetNanos(),
        new ArrayList<>(candidate.exchanges().subList(0, i + 1)), null, candidate.bindings(),
        new ArrayList<>(control.exchanges().subList(0, Math.min(i + 1, control.exchanges().size()))));
  }

  /** The control failed a model check the candidate passed: the model or the control is wrong. */
  private static RunResult onControl(Program<?, ?> program, RunResult control, RunResult candidate) {
    Failure f = control.failure();
    AssertionError cause = new AssertionError("The control (the release now live) failed this"
        + " check, and the candidate passed it: " + f.describe() + " at step " + (f.step() + 1)
        + " (" + program.steps().get(f.step()).describe() + "). Expected both to meet the model;"
        + " the model may be wrong about the control, or the control has a bug that the candidate"
        + " fixes.", f.cause());
    int steps = f.step() + 1;
    List<List<Exchange>> candidateExchanges =
        new ArrayList<>(candidate.exchanges().subList(0, Math.min(steps, candidate.exchanges().size())));
    while (candidateExchanges.size() < steps) {
      candidateExchanges.add(List.of());
    }
    return new RunResult(new Failure(f.step(), f.command(), f.kind(),
        f.check() == null ? "on the control" : f.check() + " (on the control)", cause),
        steps, candidate.latencyNanos(), candidate.resetNanos(), candidateExchanges, null,
        control.bindings(), control.exchanges());
  }

  /** What each ref of the program was bound to in {@code run}, as text. */
  private static Map<Ref<?>, String> refValues(Program<?, ?> program, RunResult run) {
    Map<Ref<?>, String> values = new HashMap<>();
    try (var scope = run.bindings().open()) {
      for (Step<?, ?> step : program.steps()) {
        for (Ref<?> ref : step.refs()) {
          try {
            values.put(ref, String.valueOf(ref.get()));
          } catch (RuntimeException | AssertionError unbound) {
            // the step did not run, or its result held no value for this ref
          }
        }
      }
    }
    return values;
  }

  private static UnaryOperator<String> mapping(
      Map<Ref<?>, String> candidate, Map<Ref<?>, String> control) {
    Map<String, String> map = new HashMap<>();
    candidate.forEach((ref, value) -> {
      String other = control.get(ref);
      if (other != null) {
        map.putIfAbsent(value, other);
      }
    });
    return value -> map.getOrDefault(value, value);
  }

  @Override
  public void stopAt(long nanos, Duration grace) {
    control.stopAt(nanos, grace);
    candidate.stopAt(nanos, grace);
  }

  @Override
  public boolean outOfTime() {
    return control.outOfTime();
  }

  @Override
  public Map<String, LatencySamples> controlLatencies() {
    return controlLatencies;
  }

  @Override
  public Map<String, Object> describe() {
    return description;
  }
}
