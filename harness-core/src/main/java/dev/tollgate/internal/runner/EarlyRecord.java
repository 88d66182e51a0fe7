package dev.tollgate.internal.runner;

import dev.tollgate.internal.program.Program;
import dev.tollgate.internal.report.Corpus;
import dev.tollgate.internal.report.ReportFiles;
import dev.tollgate.internal.secrets.Redactor;
import java.nio.file.Path;
import java.util.List;

/**
 * What a check records before it ends, so a run that is killed (or whose reports fail) still
 * leaves its result: the reports say "running" from the start, and a failing try prints its seed
 * and replay line at once, is saved to the corpus at once, and is saved again after each step
 * shrinking takes. Nothing here may stop the check: a failure to write is said once and skipped.
 */
final class EarlyRecord {
  private final Reporting reporting;
  private final Settings settings;
  private final String model;
  private final Path reportFolder;
  private final Corpus corpus;
  private long seed;
  private String corpusFile;
  private String failed;
  private String foundBy;
  private int improvements;
  private boolean warned;

  EarlyRecord(Settings settings, String model, Path reportFolder, Corpus corpus) {
    this.settings = settings;
    this.reporting = settings.reporting();
    this.model = model;
    this.reportFolder = reportFolder;
    this.corpus = corpus;
  }

  /** The check starts: no report of an earlier run may look current. */
  void started(long seed) {
    this.seed = seed;
    if (reportFolder != null) {
      guarded("mark the reports as running", () ->
          ReportFiles.running(reportFolder, reporting.testId(model), model, seed, null));
    }
  }

  /**
   * A random try failed: say its seed and replay line now, before shrinking, and save it; with
   * {@code saveToCorpus} false (the corpus is off, or the failure came from it) only say it.
   */
  void found(int tryNumber, int tries, Program<?, ?> program, RunResult result, boolean saveToCorpus) {
    Failure failure = result.failure();
    failed = Redactor.text(failure.describe());
    foundBy = "try " + tryNumber + " of " + tries;
    String token = token(program);
    String line = "Tollgate: model '" + model + "': " + foundBy + " failed: " + failed + " at step "
        + (failure.step() + 1) + " (seed " + seed + "). Shrinking it now; to replay the unshrunk"
        + " program: " + settings.replayCommand(token);
    guarded("print the failure", () -> reporting.reporter().line(line));
    if (reportFolder != null) {
      guarded("mark the reports as running", () ->
          ReportFiles.running(reportFolder, reporting.testId(model), model, seed, line));
    }
    if (saveToCorpus && corpus != null) {
      corpusFile = Corpus.fileName(failure.describe(), token);
      save(program, result, result.stepsRun(), token, "not yet: found by " + foundBy + "; shrinking (the unshrunk program)");
    }
  }

  /**
   * Shrinking found a smaller failing program, shown with the values of {@code result}, its run
   * (null when it is known to fail without running again): it replaces the entry saved so far.
   */
  void improved(Program<?, ?> program, RunResult result) {
    if (corpusFile == null) {
      return;
    }
    improvements++;
    save(program, result, program.size(), token(program), "not yet: found by " + foundBy + "; shrinking (best so far, after "
        + improvements + (improvements == 1 ? " step" : " steps") + "; if this line stays, the run"
        + " stopped before shrinking ended)");
  }

  /** The final entry was saved as {@code file}: the one saved while shrinking goes, if it differs. */
  void saved(String file) {
    if (corpusFile != null && !corpusFile.equals(file)) {
      String interim = corpusFile;
      guarded("remove the entry saved while shrinking", () -> corpus.delete(interim));
    }
    corpusFile = null;
  }

  /** Saves the first {@code ran} steps of {@code program} (those after the failing one never ran). */
  private void save(
      Program<?, ?> program, RunResult result, int ran, String token, String classified) {
    var bindings = result == null ? null : result.bindings();
    List<String> steps = program.steps().stream().limit(ran)
        .map(s -> (s.step() + 1) + ". " + Redactor.text(s.describe(bindings))).toList();
    String file = corpusFile;
    guarded("save the failure to the corpus", () -> corpus.save(file, new Corpus.Case(
        reporting.testId(model), model, failed + " at step " + ran, classified, seed,
        steps, token)));
  }

  private String token(Program<?, ?> program) {
    return new ReplayToken(ReplayToken.modelTag(model), seed, program.choices()).encode();
  }

  private void guarded(String what, Runnable action) {
    try {
      action.run();
    } catch (RuntimeException | StackOverflowError e) {
      if (!warned) {
        warned = true;
        reporting.reporter().line("Tollgate: model '" + model + "': could not " + what + " early ("
            + e + "); the check goes on, and its result is still reported at the end.");
      }
    }
  }
}
