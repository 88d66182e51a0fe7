package dev.tollgate.runner;

import java.util.List;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.ValueWrapper;

/**
 * The failure of a model check: an opentest4j {@code AssertionFailedError} (so IDEs show expected
 * versus actual) that also tells, for tools and reports, the shrunk steps, the failing step and
 * check, the seed and the replay token.
 */
public final class ModelCheckFailure extends AssertionFailedError {
  private static final long serialVersionUID = 1L;

  private final Details details;

  /** What the failure holds besides its message. */
  public record Details(
      List<String> steps,
      int failedStep,
      String check,
      long seed,
      String replayToken,
      int originalSteps,
      int shrinkRuns,
      int tryNumber,
      String flakiness,
      long firstFailureMillis,
      int programsRun,
      long stepsRun,
      long shrinkMillis,
      long shrinkSteps,
      List<List<String>> branches) {
    public Details {
      steps = List.copyOf(steps);
      branches = branches.stream().map(List::copyOf).toList();
    }

    /** The details of a sequential program's failure. */
    public Details(List<String> steps, int failedStep, String check, long seed,
        String replayToken, int originalSteps, int shrinkRuns, int tryNumber, String flakiness,
        long firstFailureMillis, int programsRun, long stepsRun, long shrinkMillis,
        long shrinkSteps) {
      this(steps, failedStep, check, seed, replayToken, originalSteps, shrinkRuns, tryNumber,
          flakiness, firstFailureMillis, programsRun, stepsRun, shrinkMillis, shrinkSteps,
          List.of());
    }
  }

  /** A failure whose check said what it expected and what it found. */
  public ModelCheckFailure(
      String message, ValueWrapper expected, ValueWrapper actual, Throwable cause, Details details) {
    super(message, expected.getValue(), actual.getValue(), cause);
    this.details = details;
  }

  /** A failure whose check gave no expected and actual values (an exception, say). */
  public ModelCheckFailure(String message, Throwable cause, Details details) {
    super(message, cause);
    this.details = details;
  }

  /** Everything the failure holds besides its message, for reports. */
  public Details details() {
    return details;
  }

  /**
   * The shrunk program's steps, as reports show them ({@code user1 add_todo("a") → todo#1}); for
   * a parallel program, the prefix's and then each branch's.
   */
  public List<String> steps() {
    return details.steps();
  }

  /** A parallel program's steps before its branches; all steps of a sequential one. */
  public List<String> prefix() {
    int inBranches = details.branches().stream().mapToInt(List::size).sum();
    return details.steps().subList(0, details.steps().size() - inBranches);
  }

  /**
   * A parallel program's branches, each its steps in order (a branch that shrinking emptied is
   * left out); empty for a sequential program.
   */
  public List<List<String>> branches() {
    return details.branches();
  }

  /** The 1-based number of the step that failed (the last one). */
  public int failedStep() {
    return details.failedStep();
  }

  /** The failed check, e.g. {@code postcondition of delete_todo}. */
  public String check() {
    return details.check();
  }

  public long seed() {
    return details.seed();
  }

  /** The value for {@code -Dtollgate.replay} that runs exactly this program. */
  public String replayToken() {
    return details.replayToken();
  }

  /** How many steps the program had before shrinking. */
  public int originalSteps() {
    return details.originalSteps();
  }

  /** Which try (1-based) found the failure. */
  public int tryNumber() {
    return details.tryNumber();
  }

  /**
   * {@code deterministic} when the shrunk program failed alike on ten reruns in a row, {@code flaky:
   * reproduced k of N} when a rerun passed or failed otherwise, {@code deterministic as far as N
   * reruns show (…)} when every rerun failed alike but fewer than ten ran (a low {@code
   * tollgate.flakyReruns}, or the time budget), and {@code not classified (…)} with no rerun.
   */
  public String flakiness() {
    return details.flakiness();
  }

  /** How many runs of the system shrinking used. */
  public int shrinkRuns() {
    return details.shrinkRuns();
  }

  /** How many steps the shrink runs took on the system. */
  public long shrinkSteps() {
    return details.shrinkSteps();
  }

  /** How long shrinking took, in milliseconds. */
  public long shrinkMillis() {
    return details.shrinkMillis();
  }

  /** Milliseconds from the start of the check to the first failing run. */
  public long firstFailureMillis() {
    return details.firstFailureMillis();
  }

  /** How many programs ran until the failure was found, the failing one included. */
  public int programsRun() {
    return details.programsRun();
  }

  /** How many system steps those programs ran. */
  public long stepsRun() {
    return details.stepsRun();
  }
}
