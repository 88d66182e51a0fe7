package dev.tollgate.internal.report;

import dev.tollgate.internal.report.ConcurrentRun.Break;
import dev.tollgate.internal.report.ConcurrentRun.Op;
import dev.tollgate.internal.report.ConcurrentRun.Placed;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The reports' section on a concurrent run, for {@code report.html}, {@code report.md} and
 * {@code report.json} alike: the prefix as numbered steps, the branches side by side on a
 * timeline of invocation and response, why no order fits (the closest order with the model state
 * after each step, and each operation that could come next with why it does not fit there), and
 * the model states the search tried.
 */
public final class ConcurrentRunReport {
  static final String STYLE = """
      .timeline-scroll{overflow-x:auto}svg.timeline{background:#fff;border:1px solid #ddd;border-radius:6px}
      ol.order>li{margin:3px 0}ul.breaks>li{margin:3px 0;color:#c62828}
      """;

  private ConcurrentRunReport() {}

  /** The HTML section; every value is escaped. */
  public static String html(ConcurrentRun run) {
    StringBuilder out = new StringBuilder(8_192);
    out.append("<h2>Concurrent run</h2>\n<div class=\"box\" id=\"concurrency\"><p><strong>")
        .append(e(headline(run))).append("</strong></p>");
    out.append("<h3>Prefix</h3>");
    if (run.prefix().isEmpty()) {
      out.append("<p class=\"meta\">(no prefix: the branches start from the initial state)</p>");
    } else {
      out.append("<ol class=\"steps\" id=\"prefix\">");
      run.prefix().forEach(step -> out.append("<li><code>").append(e(step)).append("</code></li>"));
      out.append("</ol>");
    }
    out.append("<h3>Branches</h3>\n<div class=\"timeline-scroll\">").append(Timeline.svg(run))
        .append("</div>\n")
        .append("<p class=\"meta\" id=\"timeline-legend\">Each box runs from the step's")
        .append(" invocation to its response; rows are the distinct event times, not to scale.")
        .append(" <b>#n</b>: its place in the closest order; red ✗: it could come next but")
        .append(" does not fit; grey: not placed; dashed: no answer (it may or may not have")
        .append(" taken effect).</p>");
    whyNot(run, out);
    if (!run.statesTried().isEmpty()) {
      out.append("<h3>Model states tried</h3><p class=\"meta\">").append(run.statesTriedCount())
          .append(run.statesTriedCount() == 1 ? " distinct state" : " distinct states")
          .append(" in ").append(String.format("%,d", run.searchSteps())).append(" search steps")
          .append(run.statesTriedCount() > run.statesTried().size()
              ? "; the first " + run.statesTried().size() + ":" : ":")
          .append("</p><ul id=\"states-tried\">");
      run.statesTried().forEach(s -> out.append("<li><code class=\"state\">").append(e(s))
          .append("</code></li>"));
      out.append("</ul>");
    }
    out.append("<details><summary>the checker's explanation</summary><pre id=\"explanation\">")
        .append(e(run.explanation())).append("</pre></details></div>\n");
    return out.toString();
  }

  private static void whyNot(ConcurrentRun run, StringBuilder out) {
    if (run.initialState() == null) {
      return;
    }
    List<Op> ops = run.operations();
    out.append("<h3>").append(run.linearizable() ? "An order that explains it"
            : "Why no order fits").append("</h3><p>")
        .append(run.linearizable() ? "This order" : "The closest order")
        .append(" (").append(run.closestOrder().size()).append(" of ")
        .append(run.partitionOperations()).append(" operations), from <code class=\"state\">")
        .append(e(run.initialState())).append("</code>:</p><ol class=\"order\" id=\"closest-order\">");
    for (Placed p : run.closestOrder()) {
      Op op = ops.get(p.operation());
      out.append("<li><code>").append(e(line(run, op))).append("</code> ⇒ <code class=\"state\">")
          .append(e(p.stateAfter())).append("</code></li>");
    }
    out.append("</ol>");
    if (run.finalCheckRefused() != null) {
      out.append("<p id=\"final-check\">It explains every answer, but the final check refuses")
          .append(" the state it ends in: <code>").append(e(run.finalCheckRefused()))
          .append("</code></p>");
    }
    if (!run.breaks().isEmpty()) {
      out.append("<p>There, in <code class=\"state\">").append(e(run.breaks().get(0).state()))
          .append("</code>, none of these can come next:</p><ul class=\"breaks\" id=\"breaks\">");
      for (Break b : run.breaks()) {
        out.append("<li><code>").append(e(line(run, ops.get(b.operation())))).append("</code>: ")
            .append(e(b.reason())).append("</li>");
      }
      out.append("</ul>");
    }
  }

  /** The Markdown section; every value sits in a code span or block. */
  public static String markdown(ConcurrentRun run) {
    StringBuilder out = new StringBuilder();
    out.append("## Concurrent run\n\n**").append(MarkdownReport.code(headline(run)))
        .append("**\n\n### Prefix\n\n");
    if (run.prefix().isEmpty()) {
      out.append("(none)\n");
    }
    for (int i = 0; i < run.prefix().size(); i++) {
      out.append(i + 1).append(". ").append(MarkdownReport.code(run.prefix().get(i))).append('\n');
    }
    out.append("\n### Branches\n\nOne row per invocation (▶) or response (◀), ms from the")
        .append(" branches' start; `#n` is the step's place in the closest order, ✗ marks one that")
        .append(" could come next but does not fit.\n\n| ms |");
    run.branches().forEach(b -> out.append(' ').append(MarkdownReport.cell(b)).append(" |"));
    out.append("\n|---:|");
    run.branches().forEach(b -> out.append("---|"));
    out.append('\n');
    Map<Long, String[]> rows = new TreeMap<>();
    for (Op op : run.operations()) {
      String mark = run.breaksAt(op.index()) ? " ✗" : run.position(op.index()) > 0
          ? " #" + run.position(op.index()) : "";
      cell(rows, op.invokedNanos(), run, op.branch(), "▶ " + MarkdownReport.cell(op.text())
          + (op.pending() ? " (no answer)" + mark : ""));
      if (!op.pending()) {
        cell(rows, op.returnedNanos(), run, op.branch(), "◀ " + MarkdownReport.cell(
            op.answer() == null ? op.text() : op.text() + " → " + op.answer()) + mark);
      }
    }
    rows.forEach((time, cells) -> {
      out.append(String.format(Locale.ROOT, "| %.3f |", time / 1e6));
      for (String c : cells) {
        out.append(' ').append(c == null ? "" : c).append(" |");
      }
      out.append('\n');
    });
    if (run.initialState() != null) {
      out.append("\n### ").append(run.linearizable() ? "An order that explains it"
          : "Why no order fits").append("\n\n").append(run.linearizable() ? "This order"
          : "The closest order").append(" (").append(run.closestOrder().size()).append(" of ")
          .append(run.partitionOperations()).append(" operations), from ")
          .append(MarkdownReport.code(run.initialState())).append(":\n\n");
      for (int i = 0; i < run.closestOrder().size(); i++) {
        Placed p = run.closestOrder().get(i);
        out.append(i + 1).append(". ").append(MarkdownReport.code(line(run,
            run.operations().get(p.operation())))).append(" ⇒ ")
            .append(MarkdownReport.code(p.stateAfter())).append('\n');
      }
      if (run.finalCheckRefused() != null) {
        out.append("\nIt explains every answer, but the final check refuses the state it ends")
            .append(" in: ").append(MarkdownReport.code(run.finalCheckRefused())).append('\n');
      }
      if (!run.breaks().isEmpty()) {
        out.append("\nThere, in ").append(MarkdownReport.code(run.breaks().get(0).state()))
            .append(", none of these can come next:\n\n");
        for (Break b : run.breaks()) {
          out.append("- ").append(MarkdownReport.code(line(run, run.operations()
              .get(b.operation())))).append(": ").append(MarkdownReport.code(b.reason()))
              .append('\n');
        }
      }
    }
    if (!run.statesTried().isEmpty()) {
      out.append("\n### Model states tried (").append(run.statesTriedCount()).append(")\n\n");
      run.statesTried().forEach(s -> out.append("- ").append(MarkdownReport.code(s))
          .append('\n'));
    }
    return out.append('\n').toString();
  }

  private static void cell(Map<Long, String[]> rows, long time, ConcurrentRun run, int branch,
      String text) {
    String[] cells = rows.computeIfAbsent(time, t -> new String[run.branches().size()]);
    cells[branch] = cells[branch] == null ? text : cells[branch] + " " + text;
  }

  /** The {@code report.json} object: plain maps and lists in a fixed order. */
  public static Map<String, Object> json(ConcurrentRun run) {
    List<Object> ops = new ArrayList<>();
    for (Op op : run.operations()) {
      int position = run.position(op.index());
      ops.add(JsonReport.ordered("index", op.index(), "branch", op.branch(),
          "step", op.text(), "answer", op.answer(), "invokedMs", op.invokedNanos() / 1e6,
          "returnedMs", op.pending() ? null : op.returnedNanos() / 1e6,
          "pending", op.pending(), "orderPosition", position == 0 ? null : position,
          "breaks", run.breaksAt(op.index())));
    }
    List<Object> order = new ArrayList<>();
    run.closestOrder().forEach(p -> order.add(JsonReport.ordered(
        "operation", p.operation(), "stateAfter", p.stateAfter())));
    List<Object> breaks = new ArrayList<>();
    run.breaks().forEach(b -> breaks.add(JsonReport.ordered(
        "operation", b.operation(), "state", b.state(), "reason", b.reason())));
    return JsonReport.ordered(
        "prefix", run.prefix(),
        "branches", run.branches(),
        "operations", ops,
        "verdict", JsonReport.ordered(
            "outcome", run.outcome(), "partition", run.partition(),
            "initialState", run.initialState(), "closestOrder", order, "breaks", breaks,
            "finalCheckRefused", run.finalCheckRefused(),
            "statesTried", run.statesTried(), "statesTriedCount", run.statesTriedCount(),
            "searchSteps", run.searchSteps(), "explanation", run.explanation()),
        "repetitions", run.repetitions() == 0 ? null : JsonReport.ordered(
            "runs", run.repetitions(), "failed", run.failedRepetitions()));
  }

  static String headline(ConcurrentRun run) {
    String where = run.partition() == null ? "" : " (partition " + run.partition() + ")";
    String headline = run.outcome().substring(0, 1).toUpperCase(Locale.ROOT)
        + run.outcome().substring(1) + where + ": " + run.prefix().size()
        + (run.prefix().size() == 1 ? " prefix step, then " : " prefix steps, then ")
        + run.branches().size() + " branches, " + run.operations().size() + " operations";
    if (run.repetitions() > 0) {
      headline += "; failed in " + run.failedRepetitions() + " of " + run.repetitions()
          + (run.repetitions() == 1 ? " run" : " runs");
    }
    return headline;
  }

  static String line(ConcurrentRun run, Op op) {
    String branch = op.branch() < run.branches().size() ? run.branches().get(op.branch())
        : "branch " + (op.branch() + 1);
    return "[" + branch + ", " + Timeline.span(op) + "] " + op.text()
        + (op.pending() ? " → (no answer)" : op.answer() == null ? "" : " → " + op.answer());
  }

  private static String e(String text) {
    return Html.escape(text);
  }
}
