package dev.tollgate.internal.report;

import dev.tollgate.internal.report.RunRecord.FailureRecord;
import dev.tollgate.internal.report.RunRecord.StepRecord;
import java.util.Locale;

/**
 * {@code report.md}: the short story for people and CI job summaries. Every value from the model
 * or the system sits in a code span or block, so titles full of Markdown cannot break the page.
 */
public final class MarkdownReport {
  private MarkdownReport() {}

  public static String render(RunRecord run) {
    StringBuilder out = new StringBuilder();
    out.append("# Tollgate: ").append(code(run.test())).append(" ")
        .append(run.passed() ? "passed" : "FAILED").append("\n\n");
    if (run.passed()) {
      passed(run, out);
    } else {
      failed(run, out);
    }
    return out.toString();
  }

  private static void passed(RunRecord run, StringBuilder out) {
    out.append("Model ").append(code(run.model())).append(" passed ")
        .append(run.coverage().programs()).append(" programs, ").append(run.coverage().steps())
        .append(" steps (seed ").append(run.seed()).append(").\n\n");
    latency(run, out);
    flags(run, out);
    corpus(run, out);
    out.append("## Run again\n\nThe same tries: `-Dtollgate.seed=").append(run.seed())
        .append("`\n");
  }

  private static void failed(RunRecord run, StringBuilder out) {
    FailureRecord f = run.failure();
    RunRecord.Discovery d = run.discovery();
    out.append("**Failed:** ").append(code(f.description())).append(" at step ").append(f.step())
        .append(" — **").append(run.flakiness().text()).append("**\n\n");
    out.append("Reruns of the shrunk program: ").append(run.flakiness().rateText()).append(".\n\n");
    out.append("Found by ").append(d.source()).append(d.source().equals("random try")
            ? " " + d.tryNumber() + " of " + d.tries() : "")
        .append("; shrunk from ").append(d.originalSteps()).append(" to ")
        .append(run.steps().size()).append(" steps in ").append(d.shrinkRuns())
        .append(" runs; seed ").append(run.seed()).append(".\n\n");
    out.append("First failure after ").append(d.firstFailureMillis()).append(" ms, ")
        .append(d.programsRun()).append(" programs and ").append(d.stepsRun())
        .append(" system steps; shrinking took ").append(d.shrinkRuns()).append(" runs, ")
        .append(d.shrinkSteps()).append(" system steps and ").append(d.shrinkMillis())
        .append(" ms").append(d.shrinkOutOfBudget() ? " (shrink budget used up)" : "")
        .append(".\n\n");
    out.append("## Steps\n\n");
    for (StepRecord step : run.steps()) {
      out.append(step.number()).append(". ").append(code(step.text()))
          .append(String.format(Locale.ROOT, " (%.1f ms)", step.latencyMs()));
      if (step.failed()) {
        out.append(" **← FAILED: ").append(escape(f.description())).append("**");
      }
      out.append('\n');
    }
    StepRecord failing = run.steps().get(f.step() - 1);
    out.append("\n## Failing step ").append(f.step()).append("\n\n");
    if (f.expected() != null) {
      out.append("| | |\n|---|---|\n| expected | ").append(cell(f.expected()))
          .append(" |\n| actual | ").append(cell(f.actual())).append(" |\n\n");
    }
    block("Cause", f.cause(), out);
    block("Model state before step " + f.step(), failing.modelBefore(), out);
    if (java.util.Objects.equals(failing.userStateBefore(), failing.userStateAfter())) {
      out.append(failing.user()).append(" stayed in ").append(code(failing.userStateBefore()))
          .append(".\n\n");
    } else {
      out.append(failing.user()).append(" went from ").append(code(failing.userStateBefore()))
          .append(" to ").append(code(failing.userStateAfter())).append(".\n\n");
    }
    if (run.parallel() != null) {
      out.append(ConcurrentRunReport.markdown(ConcurrentRun.from(run)));
    }
    latency(run, out);
    flags(run, out);
    corpus(run, out);
    out.append("## Replay\n\nRuns exactly this program again, whatever the seed:\n\n");
    block(null, run.replayCommand(), out);
  }

  private static void latency(RunRecord run, StringBuilder out) {
    if (run.coverage().latency().isEmpty()) {
      return;
    }
    out.append("## Latency per command\n\n| command | count | p50 ms | p95 ms | p99 ms |\n")
        .append("|---|---:|---:|---:|---:|\n");
    run.coverage().latency().forEach((command, l) -> out.append("| ").append(cell(command))
        .append(String.format(Locale.ROOT, " | %d | %.2f | %.2f | %.2f |%n",
            l.count(), l.p50Ms(), l.p95Ms(), l.p99Ms())));
    out.append('\n');
  }

  /** Coverage by flag value, one line per command: both sides of each flag ran, or not. */
  private static void flags(RunRecord run, StringBuilder out) {
    if (run.coverage().flags().isEmpty()) {
      return;
    }
    out.append("## Coverage by flag\n\n");
    run.coverage().flagLines().forEach(line -> out.append("- ").append(escape(line)).append('\n'));
    out.append('\n');
  }

  private static void corpus(RunRecord run, StringBuilder out) {
    if (run.corpus().isEmpty()) {
      return;
    }
    out.append("## Regression corpus (replayed first)\n\n");
    run.corpus().forEach(c -> out.append("- ").append(code(c.file())).append(": ")
        .append(c.outcome()).append(c.note() == null ? "" : " — " + escape(c.note()))
        .append('\n'));
    out.append('\n');
  }

  private static void block(String title, String text, StringBuilder out) {
    if (title != null) {
      out.append("**").append(escape(title)).append(":**\n\n");
    }
    String fence = "```";
    while (String.valueOf(text).contains(fence)) {
      fence += "`";
    }
    out.append(fence).append('\n').append(text).append('\n').append(fence).append("\n\n");
  }

  /** An inline code span that holds any text, backticks included. */
  static String code(String text) {
    String value = String.valueOf(text).replace('\n', ' ').replace('\r', ' ');
    String ticks = "`";
    while (value.contains(ticks)) {
      ticks += "`";
    }
    return ticks + " " + value + " " + ticks;
  }

  /** A code span inside a table row, where GFM needs '|' escaped even in code. */
  static String cell(String text) {
    return code(String.valueOf(text).replace("|", "\\|"));
  }

  private static String escape(String text) {
    return String.valueOf(text).replaceAll("([\\\\`*_{}\\[\\]<>()#+!|])", "\\\\$1");
  }
}
