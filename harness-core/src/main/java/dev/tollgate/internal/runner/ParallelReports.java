package dev.tollgate.internal.runner;

import dev.tollgate.internal.linearizability.History;
import dev.tollgate.internal.linearizability.Operation;
import dev.tollgate.internal.linearizability.Verdict;
import dev.tollgate.internal.report.ConcurrentRun;
import dev.tollgate.internal.program.Program;
import dev.tollgate.internal.program.Step;
import dev.tollgate.internal.report.RunRecord;
import dev.tollgate.internal.secrets.Redactor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A parallel program's run as the plain record reports show ({@link RunRecord.ParallelRecord}). */
final class ParallelReports {
  private ParallelReports() {}

  /** Null for a sequential program. */
  static RunRecord.ParallelRecord of(Program<?, ?> program, RunResult result) {
    if (!program.isParallel()) {
      return null;
    }
    ParallelOutcome outcome = result.parallel();
    if (outcome != null && outcome.history() != null && outcome.verdict() != null) {
      List<String> prefix = program.prefix().stream()
          .map(step -> Redactor.text(step.describe(result.bindings()))).toList();
      List<String> users = new ArrayList<>();
      for (int b = 0; b < program.branches().size(); b++) {
        List<? extends Step<?, ?>> steps = program.branches().get(b);
        users.add(steps.isEmpty() ? "user" + (b + 1) : steps.get(0).user().name());
      }
      return RunRecord.ParallelRecord.of(concurrentRun(prefix, users, outcome, result));
    }
    Map<Integer, Operation<?, ?>> byStep = new HashMap<>();
    long origin = Long.MAX_VALUE;
    if (outcome != null && outcome.history() != null) {
      for (Operation<? extends Step<?, ?>, ?> op : outcome.history().operations()) {
        byStep.put(op.input().step(), op);
        origin = Math.min(origin, op.invokedAt());
      }
    }
    List<RunRecord.BranchRecord> branches = new ArrayList<>();
    for (int b = 0; b < program.branches().size(); b++) {
      List<? extends Step<?, ?>> steps = program.branches().get(b);
      List<RunRecord.TimedStep> timed = new ArrayList<>();
      for (Step<?, ?> step : steps) {
        Operation<?, ?> op = byStep.get(step.step());
        if (op == null) {
          continue;
        }
        timed.add(new RunRecord.TimedStep(step.step() + 1, millis(op.invokedAt() - origin),
            op.isPending() ? -1 : millis(op.returnedAt() - origin), op.isPending(),
            op.isPending() ? null : Redactor.text(String.valueOf(op.output()))));
      }
      String user = steps.isEmpty() ? "user" + (b + 1) : steps.get(0).user().name();
      branches.add(new RunRecord.BranchRecord(b, user, timed));
    }
    String verdict = null;
    String explanation = null;
    if (outcome != null && outcome.verdict() != null) {
      verdict = outcome.verdict().outcome().name().toLowerCase(java.util.Locale.ROOT)
          .replace('_', ' ');
      explanation = Redactor.text(outcome.verdict().explain());
    }
    return new RunRecord.ParallelRecord(program.prefix().size(), branches,
        outcome == null ? 0 : outcome.repetitions(),
        outcome == null ? 0 : outcome.failedRepetitions(), verdict, explanation);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static ConcurrentRun concurrentRun(List<String> prefix, List<String> users,
      ParallelOutcome outcome, RunResult result) {
    return ConcurrentRun.of(prefix, users, (History) outcome.history(), (Verdict) outcome.verdict(),
        step -> Redactor.text(((Step<?, ?>) step).describe(result.bindings())),
        answer -> Redactor.text(String.valueOf(answer)), outcome.repetitions(),
        outcome.failedRepetitions());
  }

  private static double millis(long nanos) {
    return Math.round(nanos / 1e3) / 1e3;
  }
}
