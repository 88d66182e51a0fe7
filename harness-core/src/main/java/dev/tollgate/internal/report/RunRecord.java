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
 * @param parallel how the branches of a parallel program ran and what the check made of them;
 *     null for a sequential program
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
    String message,
    ParallelRecord parallel) {

  public RunRecord {
    steps = List.copyOf(steps);
    corpus = List.copyOf(corpus);
  }

  /** The record of a sequential program, or of a check that passed. */
  public RunRecord(String test, String model, FailureRecord failure, List<StepRecord> steps,
      Discovery discovery, long seed, String replayToken, String replayCommand,
      Flakiness flakiness, Coverage coverage, List<CorpusOutcome> corpus,
      Map<String, Object> environment, String message) {
    this(test, model, failure, steps, discovery, seed, replayToken, replayCommand, flakiness,
        coverage, corpus, environment, message, null);
  }

  /**
   * A parallel program as it ran: {@link RunRecord#steps()} numbers its steps, the first {@code
   * prefixSteps} being the prefix and the rest the branches' in branch order; here is each
   * branch with when its steps were invoked and returned in the failing repetition, how many of
   * the {@code repetitions} failed, and the linearizability check's verdict ({@code
   * linearizable}, {@code not linearizable} or {@code unknown}) with its explanation (the longest
   * order that fits, and why nothing can come next).
   */
  public record ParallelRecord(
      int prefixSteps,
      List<BranchRecord> branches,
      int repetitions,
      int failedRepetitions,
      String verdict,
      String explanation,
      ConcurrentRun concurrency) {
    public ParallelRecord {
      branches = List.copyOf(branches);
    }

    /** Without the checker's verdict in detail: the reports show the timeline and the text. */
    public ParallelRecord(int prefixSteps, List<BranchRecord> branches, int repetitions,
        int failedRepetitions, String verdict, String explanation) {
      this(prefixSteps, branches, repetitions, failedRepetitions, verdict, explanation, null);
    }

    /**
     * The record of {@code run}, which {@link ConcurrentRun#of} builds from the checker's history
     * and verdict; {@code concurrency} keeps it, so the reports can show the closest order, where
     * it breaks and the states tried. Step numbers follow {@link RunRecord#steps()}: the prefix's
     * first, then each branch's in branch order.
     */
    public static ParallelRecord of(ConcurrentRun run) {
      List<BranchRecord> branches = new java.util.ArrayList<>();
      int number = run.prefix().size();
      for (int b = 0; b < run.branches().size(); b++) {
        List<TimedStep> steps = new java.util.ArrayList<>();
        for (ConcurrentRun.Op op : run.operations()) {
          if (op.branch() == b) {
            steps.add(new TimedStep(++number, op.invokedNanos() / 1e6,
                op.pending() ? -1 : op.returnedNanos() / 1e6, op.pending(), op.answer()));
          }
        }
        branches.add(new BranchRecord(b, run.branches().get(b), steps));
      }
      return new ParallelRecord(run.prefix().size(), branches, run.repetitions(),
          run.failedRepetitions(), run.outcome(), run.explanation(), run);
    }
  }

  /** One branch: its user and its steps, in order. */
  public record BranchRecord(int branch, String user, List<TimedStep> steps) {
    public BranchRecord {
      steps = List.copyOf(steps);
    }
  }

  /**
   * One branch step of the failing repetition: its 1-based {@code number} in {@link
   * RunRecord#steps()}, and when it was invoked and returned, in ms from the first invocation of
   * any branch, on one monotonic clock; {@code pending} when it never returned (then {@code
   * returnedMs} is -1). {@code answer} is what it returned, as reports show it.
   */
  public record TimedStep(
      int number, double invokedMs, double returnedMs, boolean pending, String answer) {}

  /** This record with {@code parallel} as its parallel part. */
  public RunRecord withParallel(ParallelRecord parallel) {
    return new RunRecord(test, model, failure, steps, discovery, seed, replayToken,
        replayCommand, flakiness, coverage, corpus, environment, message, parallel);
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
      boolean failed,
      List<Exchange> controlExchanges) {

    public StepRecord(
        int number, String user, String command, String text, String ref, String userStateBefore,
        String userStateAfter, String modelBefore, String modelAfter, double latencyMs,
        List<Exchange> exchanges, boolean failed) {
      this(number, user, command, text, ref, userStateBefore, userStateAfter, modelBefore,
          modelAfter, latencyMs, exchanges, failed, null);
    }

    /** Whether this step ran on a control too (a comparison), whose exchanges sit beside. */
    public boolean compared() {
      return controlExchanges != null;
    }
  }

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

  /**
   * The shrunk program rerun {@code reruns} times; {@code reproduced} of them failed alike. The
   * failing run that shrinking ended with is not counted: it was picked because it failed, so
   * counting it would bias the rate upwards. {@code cutShort}: the time budget ended the reruns
   * before the rule in {@code internal.runner.Reruns} would have.
   */
  public record Flakiness(int reruns, int reproduced, boolean cutShort) {
    /** Reproductions in a row, with no pass, after which a failure is called deterministic. */
    public static final int DETERMINISTIC_AFTER = 10;

    public Flakiness(int reruns, int reproduced) {
      this(reruns, reproduced, false);
    }

    /** {@code deterministic}, {@code flaky} or {@code unclassified}: for the gate. */
    public String kind() {
      return reruns == 0 ? "unclassified" : reproduced == reruns ? "deterministic" : "flaky";
    }

    public String text() {
      if (reruns == 0) {
        return cutShort
            ? "not classified (the time budget was used up before any rerun)"
            : "not classified (tollgate.flakyReruns=0)";
      }
      if (reproduced < reruns) {
        return "flaky: reproduced " + reproduced + " of " + reruns;
      }
      if (reruns >= DETERMINISTIC_AFTER) {
        return "deterministic";
      }
      return "deterministic as far as " + reruns + (reruns == 1 ? " rerun shows" : " reruns show")
          + " (" + (cutShort ? "the time budget was used up" : "tollgate.flakyReruns=" + reruns)
          + "; " + DETERMINISTIC_AFTER + " in a row rule out a failure that shows half the time)";
    }

    /** The failure rate over the reruns, {@code reproduced / reruns}; NaN with no rerun. */
    public double rate() {
      return reruns == 0 ? Double.NaN : (double) reproduced / reruns;
    }

    /**
     * The 95% Wilson score interval of the rate, {@code {low, high}}: unlike the normal
     * approximation it stays inside [0, 1] and is not empty at 0 of n or n of n, which is where a
     * deterministic failure sits. With z = 1.96: centre (p + z²/2n) / (1 + z²/n), half-width
     * z·sqrt(p(1-p)/n + z²/4n²) / (1 + z²/n).
     */
    public double[] interval95() {
      if (reruns == 0) {
        return new double[] {0, 1};
      }
      double z = 1.959964;
      double n = reruns;
      double p = rate();
      double denominator = 1 + z * z / n;
      double centre = (p + z * z / (2 * n)) / denominator;
      double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator;
      // At 0 of n and n of n the bound is exactly 0 or 1; rounding would leave 0.9999999999999999.
      return new double[] {
          reproduced == 0 ? 0 : Math.max(0, centre - half),
          reproduced == reruns ? 1 : Math.min(1, centre + half)};
    }

    /** {@code failed 10 of 20 reruns: rate 50%, 95% interval 30%-70% (Wilson score)}. */
    public String rateText() {
      if (reruns == 0) {
        return "no reruns, so no failure rate";
      }
      double[] interval = interval95();
      return "failed " + reproduced + " of " + reruns + (reruns == 1 ? " rerun" : " reruns")
          + ": rate " + percent(rate()) + ", 95% interval " + percent(interval[0]) + "-"
          + percent(interval[1]) + " (Wilson score)";
    }

    private static String percent(double value) {
      return Math.round(value * 100) + "%";
    }
  }

  /**
   * What all runs covered. {@code userStates} is in the model's declared order; {@code flags}
   * gives, per command, how often it ran under each flag value ({@code as staff}, {@code pinning
   * off}), and is empty for a model without flags.
   */
  public record Coverage(
      int programs,
      long steps,
      Map<String, Integer> commands,
      List<String> userStates,
      List<Transition> transitions,
      Map<Integer, Integer> programLengths,
      Map<String, Latency> latency,
      Map<String, Latency> controlLatency,
      Map<String, Map<String, Integer>> flags) {

    public Coverage(
        int programs, long steps, Map<String, Integer> commands, List<String> userStates,
        List<Transition> transitions, Map<Integer, Integer> programLengths,
        Map<String, Latency> latency) {
      this(programs, steps, commands, userStates, transitions, programLengths, latency, Map.of());
    }

    public Coverage(
        int programs, long steps, Map<String, Integer> commands, List<String> userStates,
        List<Transition> transitions, Map<Integer, Integer> programLengths,
        Map<String, Latency> latency, Map<String, Latency> controlLatency) {
      this(programs, steps, commands, userStates, transitions, programLengths, latency,
          controlLatency, Map.of());
    }

    /** e.g. {@code pin_todo ran 40× as staff, 35× as not staff}; one line per command. */
    public List<String> flagLines() {
      List<String> lines = new java.util.ArrayList<>();
      flags.forEach((command, counts) -> {
        StringBuilder line = new StringBuilder(command).append(" ran");
        String sep = " ";
        for (Map.Entry<String, Integer> count : counts.entrySet()) {
          line.append(sep).append(count.getValue()).append("× ").append(count.getKey());
          sep = ", ";
        }
        lines.add(line.toString());
      });
      return lines;
    }
  }

  /** A transition of the users' machine and how often it ran. */
  public record Transition(String from, String command, String to, int count) {}

  /** Latency percentiles of one command over all runs. */
  public record Latency(int count, double p50Ms, double p95Ms, double p99Ms) {}

  /**
   * One corpus entry replayed before the random tries.
   *
   * @param outcome {@code passed}, {@code failed}, {@code ignored}, or {@code flaky entry passed}: an
   *     entry saved as flaky passed every one of its replays
   */
  public record CorpusOutcome(String file, String outcome, String note) {}
}
