package dev.tollgate.internal.runner;

import dev.tollgate.internal.text.Printable;
import dev.tollgate.internal.program.Program;
import dev.tollgate.internal.program.Step;
import java.time.Duration;
import dev.tollgate.runner.ModelCheckFailure;
import java.util.List;
import dev.tollgate.internal.secrets.RedactedThrowable;
import dev.tollgate.internal.secrets.Redactor;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.ValueWrapper;

/**
 * Writes a failure as a small story: the shrunk steps, numbered, the step that failed and its
 * check as expected versus actual, the model state there, and the line that replays it.
 */
public final class FailureMessage {
  private FailureMessage() {}

  /** Where the failure happened and how it was found, for the message. */
  public record Context(
      String modelName,
      long seed,
      int tryNumber,
      int tries,
      int originalSteps,
      int shrinkRuns,
      Duration shrinkTime,
      boolean shrinkOutOfBudget,
      String replayToken,
      String replayCommand,
      String source,
      String flakiness,
      String flakinessRate,
      String reportPath,
      Numbers numbers) {}

  /** What finding and shrinking cost: for benchmarks, and for a user judging the budget. */
  public record Numbers(
      long firstFailureMillis, int programsRun, long stepsRun, long shrinkSteps) {}

  public static ModelCheckFailure build(
      Program<?, ?> program, RunResult result, Context context) {
    Failure failure = result.failure();
    StringBuilder out = new StringBuilder();
    out.append("Tollgate: model '").append(context.modelName()).append("' failed: ")
        .append(failure.describe()).append(" at step ").append(failure.step() + 1).append(" (")
        .append(context.flakiness()).append(")\n");
    if (context.source().equals("replay token")) {
      out.append("Replayed the program given by -Dtollgate.replay (")
          .append(program.size()).append(" steps).\n");
    } else if (!context.source().equals("random try")) {
      out.append("Replayed ").append(context.source()).append(" from the regression corpus (")
          .append(program.size()).append(" steps), before any random try.\n");
    } else {
      out.append("Found by try ").append(context.tryNumber()).append(" of ")
          .append(context.tries()).append("; shrunk from ").append(context.originalSteps())
          .append(" to ").append(program.size()).append(plural(program.size(), " step"))
          .append(" in ").append(context.shrinkRuns()).append(plural(context.shrinkRuns(), " run"))
          .append(" (").append(context.shrinkTime().toMillis()).append(" ms")
          .append(context.shrinkOutOfBudget() ? ", shrink budget used up" : "").append(").\n");
      Numbers n = context.numbers();
      out.append("First failure after ").append(n.firstFailureMillis()).append(" ms, ")
          .append(n.programsRun()).append(plural(n.programsRun(), " program")).append(" and ")
          .append(n.stepsRun()).append(" system steps; shrinking ran ")
          .append(n.shrinkSteps()).append(" system steps.\n");
    }
    if (!program.flags().isEmpty()) {
      out.append("Flags: ").append(program.flags().describe()).append('\n');
    }
    out.append('\n');
    List<? extends Step<?, ?>> steps = program.steps();
    int width = String.valueOf(steps.size()).length();
    boolean ofBranches = failure.kind() == Failure.Kind.LINEARIZABILITY;
    int branch = -1;
    for (Step<?, ?> step : steps) {
      String number = String.format("%" + width + "d", step.step() + 1);
      int in = program.branchOf(step.step());
      if (in != branch) {
        if (branch < 0) {
          out.append("  then at once:\n");
        }
        out.append("  branch ").append(in + 1).append(" (").append(step.user().name())
            .append("):\n");
        branch = in;
      }
      out.append(in >= 0 ? "    " : "  ").append(number).append(". ")
          .append(step.describe(result.bindings()));
      if (step.step() == failure.step() && !ofBranches) {
        out.append("    <-- FAILED: ").append(failure.describe());
      }
      out.append('\n');
    }
    if (ofBranches) {
      ParallelOutcome parallel = result.parallel();
      out.append("  <-- FAILED: ").append(failure.describe());
      if (parallel != null && parallel.repetitions() > 0) {
        out.append(" (in ").append(parallel.failedRepetitions()).append(" of ")
            .append(parallel.repetitions()).append(" repetitions)");
      }
      out.append('\n');
    }
    Step<?, ?> failed = steps.get(failure.step());
    Throwable cause = failure.cause();
    out.append("\nFailed check: ").append(failure.describe()).append('\n');
    if (cause instanceof AssertionFailedError afe && afe.isExpectedDefined()) {
      out.append("  expected: ").append(afe.getExpected().getStringRepresentation()).append('\n');
      out.append("  actual:   ").append(afe.getActual().getStringRepresentation()).append('\n');
    }
    out.append("  ").append(indent(String.valueOf(cause))).append('\n');
    if (ofBranches) {
      Object afterPrefix = program.prefix().isEmpty()
          ? null : program.prefix().get(program.prefix().size() - 1).after();
      out.append("\nModel state after the prefix:\n  ")
          .append(indent(afterPrefix == null ? "(the initial state)" : String.valueOf(afterPrefix)))
          .append('\n');
    } else {
      out.append("\nModel state before step ").append(failure.step() + 1).append(":\n  ")
          .append(indent(String.valueOf(failed.before()))).append('\n');
      out.append("User states after step ").append(failure.step() + 1).append(": ")
          .append(failed.user().name()).append(" is ").append(failed.userStateAfter())
          .append('\n');
    }
    out.append("\nSeed: ").append(context.seed())
        .append("  (re-run every try with -Dtollgate.seed=").append(context.seed()).append(")\n");
    out.append("Classified: ").append(context.flakiness());
    if (context.flakinessRate() != null) {
      out.append("; ").append(context.flakinessRate());
    }
    out.append('\n');
    if (context.reportPath() != null) {
      out.append("Report: ").append(context.reportPath()).append('\n');
    }
    out.append("Replay exactly this program:\n  ").append(context.replayCommand()).append('\n');
    if (context.replayCommand().startsWith("mvn ")) {
      out.append("  or from an IDE: @StateMachineTest(replay = \"").append(context.replayToken())
          .append("\")\n");
    }

    // The thrown failure reaches the console, the IDE and failsafe's XML: nothing in it, its
    // steps or its cause may carry a secret, by name or by value.
    ModelCheckFailure.Details details =
        new ModelCheckFailure.Details(
            steps.stream().map(step -> Redactor.text(step.describe(result.bindings()))).toList(), failure.step() + 1, failure.describe(),
            context.seed(), context.replayToken(), context.originalSteps(), context.shrinkRuns(),
            context.tryNumber(), context.flakiness(), context.numbers().firstFailureMillis(),
            context.numbers().programsRun(), context.numbers().stepsRun(),
            context.shrinkTime().toMillis(), context.numbers().shrinkSteps(),
            program.branches().stream().filter(b -> !b.isEmpty()).map(b -> b.stream()
                .map(step -> Redactor.text(step.describe(result.bindings()))).toList()).toList());
    String message = Printable.text(Redactor.text(out.toString()));
    Throwable shown = RedactedThrowable.of(cause);
    if (cause instanceof AssertionFailedError afe && afe.isExpectedDefined()) {
      return new ModelCheckFailure(
          message, redacted(afe.getExpected()), redacted(afe.getActual()), shown, details);
    }
    return new ModelCheckFailure(message, shown, details);
  }

  /** The value itself, or its redacted text when that text holds a secret. */
  private static ValueWrapper redacted(ValueWrapper value) {
    String text = value.getStringRepresentation();
    String masked = Redactor.text(text);
    return masked.equals(text) ? value : ValueWrapper.create(masked);
  }

  private static String plural(int n, String word) {
    return n == 1 ? word : word + "s";
  }

  private static String indent(String text) {
    return text.replace("\n", "\n  ");
  }
}
