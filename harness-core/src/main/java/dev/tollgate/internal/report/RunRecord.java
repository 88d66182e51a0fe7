package dev.tollgate.internal.report;

import dev.tollgate.report.Exchange;
import java.util.List;
import java.util.Map;

/**
 * Everything one check's reports show, as plain values: the runner fills it in, and the JSON,
 * Markdown and HTML writers only read it.
 *
 * @param test the test's id, {@code dev.example.TodoGateIT#todos}, or the model name
 * @param failure {@code null} when the check passed
 * @param steps the shrunk program (empty when the check passed)
 * @param message what the console showed: the failure message or the statistics line
 */
public record RunRecord(
    String test,
    String model,
    FailureRecord failure,
    List<StepRecord> steps,
    Discovery discovery,
    long seed,
    String replayToken,
    String replayCommand,
    Flakiness flakiness,
    Coverage coverage,
    List<CorpusOutcome> corpus,
    Map<String, Object> environment,
    String message) {

  public RunRecord {
    steps = List.copyOf(steps);
    corpus = List.copyOf(corpus);
  }

  public boolean passed() {
    return failure == null;
  }

  /**
   * The failed check.
   *
   * @param step 1-based
   * @param check {@code postcondition}, {@code invariant}, {@code action} or {@code reference}
   * @param expected {@code null} when the check gave no expected value
   */
  public record FailureRecord(
      int step,
      String command,
      String check,
      String invariant,
      String description,
      String expected,
      String actual,
      String cause) {

    /** The short form, for the gate and for one-line summaries. */
    public String shortMessage() {
      String firstLine = cause == null ? "" : cause.strip().lines().findFirst().orElse("");
      return description + " at step " + step
          + (expected != null ? ": expected " + expected + " but was " + actual : ": " + firstLine);
    }
  }

  /** One step of the shrunk program, with what the system did in its last run. */
  public record StepRecord(
      int number,
      String user,
      String command,
      String text,
      String ref,
      String userStateBefore,
      String userStateAfter,
      String modelBefore,
      String modelAfter,
      double latencyMs,
      List<Exchange> exchanges,
      boolean failed) {}

  /**
   * How the failure was found and shrunk.
   *
   * @param source {@code random try}, {@code replay token} or {@code corpus entry <file>}
   * @param firstFailureMillis from the start of the check to the first failing run
   * @param programsRun programs run until then, the failing one included
   * @param stepsRun system steps those programs ran
   * @param shrinkSteps system steps the shrink runs ran
   */
  public record Discovery(
      String source,
      int tryNumber,
      int tries,
      int originalSteps,
      int shrinkRuns,
      long shrinkMillis,
      boolean shrinkOutOfBudget,
      long firstFailureMillis,
      int programsRun,
      long stepsRun,
      long shrinkSteps) {}

  /** The shrunk program rerun {@code reruns} times; {@code reproduced} of them failed alike. */
  public record Flakiness(int reruns, int reproduced) {
    public String text() {
      if (reruns == 0) {
        return "not classified (tollgate.flakyReruns=0)";
      }
      return reproduced == reruns
          ? "deterministic"
          : "flaky: reproduced " + reproduced + " of " + reruns;
    }
  }

  /** What all runs covered. {@code userStates} is in the model's declared order. */
  public record Coverage(
      int programs,
      long steps,
      Map<String, Integer> commands,
      List<String> userStates,
      List<Transition> transitions,
      Map<Integer, Integer> programLengths,
      Map<String, Latency> latency) {}

  /** A transition of the users' machine and how often it ran. */
  public record Transition(String from, String command, String to, int count) {}

  /** Latency percentiles of one command over all runs. */
  public record Latency(int count, double p50Ms, double p95Ms, double p99Ms) {}

  /**
   * One corpus entry replayed before the random tries.
   *
   * @param outcome {@code passed}, {@code failed} or {@code ignored}
   */
  public record CorpusOutcome(String file, String outcome, String note) {}
}
