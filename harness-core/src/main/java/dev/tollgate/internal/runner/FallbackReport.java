package dev.tollgate.internal.runner;

import dev.tollgate.internal.program.Program;
import dev.tollgate.internal.program.Step;
import dev.tollgate.internal.report.Corpus;
import dev.tollgate.internal.report.ReportFiles;
import dev.tollgate.internal.report.RunRecord;
import dev.tollgate.internal.secrets.Redactor;
import dev.tollgate.internal.text.Printable;
import dev.tollgate.report.Reporter;
import dev.tollgate.runner.ModelCheckFailure;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What a failure leaves when building its message or its reports throws (a model state whose
 * {@code toString} throws, a full disk): {@code report.txt} with the steps, the seed and the replay
 * line in plain words, a corpus entry, and still a {@link ModelCheckFailure}, so a counterexample
 * is never lost to the code that reports it. Every part here is guarded on its own and uses only
 * text that cannot throw, or says so in its place.
 */
final class FallbackReport {
  private FallbackReport() {}

  /** What the failure is, gathered before any report was built. */
  record Facts(String model, String test, long seed, String token, String replayCommand,
      RunRecord.Flakiness flakiness, RunRecord.Discovery discovery, Path folder, Corpus corpus) {}

  /**
   * Writes what can be written and returns the failure to throw: {@code built} when the message
   * was built before the error, else a plain one; {@code error} is added to it as suppressed.
   * {@code savedAs} hears the corpus file name once the entry is saved (the entry saved while
   * shrinking may go then, not before).
   */
  static ModelCheckFailure handle(Program<?, ?> program, RunResult result, Facts facts,
      ModelCheckFailure built, Throwable error, Reporter reporter, Consumer<String> savedAs) {
    Failure failure = result.failure();
    List<String> steps = steps(program, result);
    List<String> numbered = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      numbered.add((i + 1) + ". " + steps.get(i));
    }
    String text = text(facts, failure, numbered, error);
    String where = null;
    if (facts.folder() != null) {
      try {
        where = ReportFiles.fallback(facts.folder(), facts.test(), facts.model(), facts.seed(),
            facts.token(), facts.replayCommand(), facts.flakiness(), failure.command(),
            failure.kind().name().toLowerCase(java.util.Locale.ROOT), failure.describe()
                + " at step " + (failure.step() + 1), text).toString();
      } catch (Exception | StackOverflowError e) {
        where = null;
      }
    }
    if (facts.corpus() != null) {
      try {
        String file = Corpus.fileName(failure.describe(), facts.token());
        facts.corpus().save(file, new Corpus.Case(
            facts.test(), facts.model(), failure.describe() + " at step " + (failure.step() + 1),
            facts.flakiness().text(), facts.seed(), numbered, facts.token()));
        savedAs.accept(file);
      } catch (RuntimeException | StackOverflowError e) {
        // report.txt or the console still holds it
      }
    }
    reporter.line("Tollgate: model '" + facts.model() + "': building the reports failed (" + safe(error)
        + "); " + (where != null ? "the failure is in plain text in " + where
            : "here it is in plain text:\n" + text));
    ModelCheckFailure thrown = built != null ? built : new ModelCheckFailure(
        Printable.text(Redactor.text(text)), null, new ModelCheckFailure.Details(
            steps, failure.step() + 1, failure.describe(), facts.seed(), facts.token(),
            facts.discovery().originalSteps(), facts.discovery().shrinkRuns(),
            facts.discovery().tryNumber(), facts.flakiness().text(),
            facts.discovery().firstFailureMillis(), facts.discovery().programsRun(),
            facts.discovery().stepsRun(), facts.discovery().shrinkMillis(),
            facts.discovery().shrinkSteps()));
    thrown.addSuppressed(error);
    return thrown;
  }

  /** The steps as text; a step whose description throws is named by its command. */
  private static List<String> steps(Program<?, ?> program, RunResult result) {
    List<String> out = new ArrayList<>();
    for (Step<?, ?> step : program.steps()) {
      String text;
      try {
        text = Redactor.text(step.describe(result.bindings()));
      } catch (RuntimeException | StackOverflowError e) {
        text = step.user().name() + " " + step.command().name() + " (its description failed: "
            + safe(e) + ")";
      }
      out.add(text);
    }
    return out;
  }

  private static String text(Facts facts, Failure failure, List<String> steps, Throwable error) {
    StringBuilder out = new StringBuilder()
        .append("Tollgate: model '").append(facts.model()).append("' failed: ")
        .append(failure.describe()).append(" at step ").append(failure.step() + 1)
        .append(" (").append(facts.flakiness().text()).append(")\n")
        .append("Test: ").append(facts.test()).append('\n')
        .append("Found by: ").append(facts.discovery().source()).append('\n')
        .append("\nSteps:\n");
    steps.forEach(s -> out.append("  ").append(s).append('\n'));
    out.append("\nSeed: ").append(facts.seed())
        .append("  (re-run every try with -Dtollgate.seed=").append(facts.seed()).append(")\n")
        .append("Classified: ").append(facts.flakiness().text()).append("; ")
        .append(facts.flakiness().rateText()).append('\n')
        .append("Replay token: ").append(facts.token()).append('\n')
        .append("Replay exactly this program:\n  ").append(facts.replayCommand()).append('\n')
        .append("\nThe full reports (report.json, report.md, report.html) could not be built: ")
        .append(safe(error)).append('\n');
    return out.toString();
  }

  /** The error's class and message, even when its message throws. */
  private static String safe(Throwable error) {
    try {
      return String.valueOf(error);
    } catch (RuntimeException | StackOverflowError e) {
      return error.getClass().getName();
    }
  }
}
