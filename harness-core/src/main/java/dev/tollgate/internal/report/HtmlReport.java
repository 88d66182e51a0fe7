package dev.tollgate.internal.report;

import dev.tollgate.internal.report.RunRecord.FailureRecord;
import dev.tollgate.internal.report.RunRecord.StepRecord;
import dev.tollgate.report.Exchange;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code report.html}: one self-contained page that works offline (CSS, script and the state
 * diagram are inline). Every value from the model, the system or the environment is escaped.
 */
public final class HtmlReport {
  private static final String STYLE = """
      body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1b1f23;background:#fafafa}
      main{max-width:1180px;margin:0 auto;padding:24px}
      h1{font-size:22px;margin:0 0 6px}h2{font-size:18px;margin:28px 0 10px;border-bottom:1px solid #ddd;padding-bottom:4px}
      .badge{display:inline-block;padding:2px 10px;border-radius:12px;color:#fff;font-weight:600;font-size:13px;vertical-align:middle}
      .failed{background:#c62828}.passed{background:#2e7d32}.flaky{background:#ef6c00}.deterministic{background:#6a1b9a}
      .box{background:#fff;border:1px solid #ddd;border-radius:6px;padding:12px 16px;margin:10px 0}
      .failbox{border-left:5px solid #c62828}
      pre,code{font:13px/1.4 ui-monospace,"DejaVu Sans Mono",Menlo,Consolas,monospace}
      pre{background:#f3f3f3;padding:8px 10px;border-radius:4px;overflow-x:auto;white-space:pre-wrap;word-break:break-word;margin:4px 0}
      ol.steps{padding-left:28px}ol.steps>li{margin:6px 0;background:#fff;border:1px solid #e0e0e0;border-radius:5px;padding:6px 10px}
      ol.steps>li.failed-step{border:2px solid #c62828;background:#fff5f5}
      .meta{color:#555;font-size:13px}.state{color:#1565c0}
      details{margin:4px 0 0 6px}summary{cursor:pointer;font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:13px}
      table{border-collapse:collapse;background:#fff}td,th{border:1px solid #ddd;padding:4px 10px;text-align:left;vertical-align:top}
      th{background:#f0f0f0}td.num{text-align:right;font-variant-numeric:tabular-nums}
      .bar{height:10px;background:#42a5f5;border-radius:2px;min-width:1px}.bar.p99{background:#1565c0}
      .expected{color:#2e7d32}.actual{color:#c62828}
      svg.fsm{max-width:100%;height:auto;background:#fff;border:1px solid #ddd;border-radius:6px}
      button{font-size:12px;margin-left:8px}
      table.versus{width:100%;table-layout:fixed;margin-top:4px}table.versus td{width:50%}
      """ + ConcurrentRunReport.STYLE;

  private static final String SCRIPT = """
      document.querySelectorAll('button[data-copy]').forEach(function (b) {
        b.addEventListener('click', function () {
          var text = document.getElementById(b.getAttribute('data-copy')).textContent;
          if (navigator.clipboard) { navigator.clipboard.writeText(text); b.textContent = 'copied'; }
        });
      });
      """;

  private HtmlReport() {}

  public static String render(RunRecord run, String generatedTest) {
    StringBuilder out = new StringBuilder(16_384);
    String status = run.passed() ? "passed" : "failed";
    out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
        .append("<title>Tollgate ").append(status).append(": ").append(e(run.test()))
        .append("</title><style>").append(STYLE).append("</style></head><body><main>\n");
    out.append("<h1>Tollgate: <code>").append(e(run.test())).append("</code> <span class=\"badge ")
        .append(status).append("\">").append(status).append("</span>");
    if (!run.passed()) {
      String kind = run.flakiness().kind();
      out.append(" <span class=\"badge ").append(kind).append("\" id=\"flakiness\" title=\"")
          .append(e(run.flakiness().rateText())).append("\">")
          .append(e(run.flakiness().text())).append("</span>");
    }
    out.append("</h1>\n<p class=\"meta\">model <code>").append(e(run.model()))
        .append("</code> · seed <code>").append(run.seed()).append("</code> · ")
        .append(run.coverage().programs()).append(run.coverage().programs() == 1 ? " program, "
            : " programs, ").append(run.coverage().steps()).append(" steps run</p>\n");
    if (!run.passed()) {
      failure(run, out);
      if (run.parallel() == null) {
        steps(run, out);
        modelState(run, out);
      } else {
        parallelSteps(run, out);
        parallelModelState(run, out);
      }
    }
    if (run.parallel() != null) {
      out.append(ConcurrentRunReport.html(ConcurrentRun.from(run)));
    }
    out.append("<h2>Users' state machine</h2>\n")
        .append(StateDiagram.svg(run.coverage().userStates(), run.coverage().transitions()))
        .append('\n');
    latency(run.coverage().latency(), out);
    versus(run.coverage(), out);
    coverage(run.coverage(), out);
    corpus(run, out);
    if (!run.passed() && generatedTest != null) {
      out.append("<h2>Regression test to paste</h2>\n<details><summary>JUnit 5 + RestAssured")
          .append("</summary><pre id=\"generated\">").append(e(generatedTest))
          .append("</pre></details>\n");
    }
    environment(run.environment(), out);
    out.append("<h2>Replay</h2>\n");
    if (run.passed()) {
      out.append("<p>Re-run the same tries with <code>-Dtollgate.seed=").append(run.seed())
          .append("</code>.</p>\n");
    } else {
      out.append("<p>Runs exactly this program again, whatever the seed:")
          .append("<button data-copy=\"replay\">copy</button></p><pre id=\"replay\">")
          .append(e(run.replayCommand())).append("</pre>\n");
    }
    out.append("</main><script>").append(SCRIPT).append("</script></body></html>\n");
    return out.toString();
  }

  private static void failure(RunRecord run, StringBuilder out) {
    FailureRecord f = run.failure();
    RunRecord.Discovery d = run.discovery();
    out.append("<div class=\"box failbox\" id=\"failure\"><strong>Failed: ")
        .append(e(f.description())).append(inBranches(run) ? " in the parallel branches"
            : " at step " + f.step()).append("</strong>");
    if (f.expected() != null) {
      out.append("<table><tr><th>expected</th><td class=\"expected\"><pre>").append(e(f.expected()))
          .append("</pre></td></tr><tr><th>actual</th><td class=\"actual\"><pre>")
          .append(e(f.actual())).append("</pre></td></tr></table>");
    }
    out.append("<details><summary>cause</summary><pre>").append(e(f.cause()))
        .append("</pre></details>");
    out.append("<p class=\"meta\">Found by ").append(e(d.source()))
        .append(d.source().equals("random try") ? " " + d.tryNumber() + " of " + d.tries() : "")
        .append("; shrunk from ").append(d.originalSteps()).append(" to ").append(run.steps().size())
        .append(" steps in ").append(d.shrinkRuns()).append(" runs (").append(d.shrinkMillis())
        .append(" ms").append(d.shrinkOutOfBudget() ? ", budget used up" : "").append(").</p>")
        .append("<p class=\"meta\" id=\"flaky-rate\">Reruns of the shrunk program: ")
        .append(e(run.flakiness().rateText())).append(".</p></div>\n");
  }

  private static void steps(RunRecord run, StringBuilder out) {
    out.append("<h2>Shrunk program</h2>\n<ol class=\"steps\" id=\"steps\">\n");
    for (StepRecord step : run.steps()) {
      stepHead(run, step, out);
      if (step.compared()) {
        // A comparison: the control's answers beside the candidate's, one column each.
        out.append("<table class=\"versus\"><tr><th>control</th><th>candidate</th></tr><tr>")
            .append("<td class=\"control\">");
        exchanges(step, step.controlExchanges(), out);
        out.append("</td><td class=\"candidate\">");
        exchanges(step, step.exchanges(), out);
        out.append("</td></tr></table>");
      } else {
        exchanges(step, step.exchanges(), out);
      }
      out.append("</li>\n");
    }
    out.append("</ol>\n");
  }

  /** A numbered step's opening: its text, the failure mark if it failed, its user states, its time. */
  private static void stepHead(RunRecord run, StepRecord step, StringBuilder out) {
    out.append("<li").append(step.failed() ? " class=\"failed-step\"" : "").append("><code>")
        .append(e(step.text())).append("</code>");
    if (step.failed()) {
      out.append(" <strong class=\"actual\">← FAILED: ").append(e(run.failure().description()))
          .append("</strong>");
    }
    out.append("<div class=\"meta\"><span class=\"state\">").append(e(step.userStateBefore()))
        .append(" → ").append(e(step.userStateAfter())).append("</span> · ")
        .append(ms(step.latencyMs())).append(" ms</div>");
  }

  /** A parallel failure that lies in the branches, not in the prefix that runs before them. */
  private static boolean inBranches(RunRecord run) {
    return run.parallel() != null && run.failure().step() > run.parallel().prefixSteps();
  }

  /**
   * A parallel program: its prefix as numbered steps (they ran in sequence), then each branch's
   * steps, unnumbered, since the branches ran at once and no order of theirs is the real one.
   */
  private static void parallelSteps(RunRecord run, StringBuilder out) {
    RunRecord.ParallelRecord parallel = run.parallel();
    int prefix = Math.min(parallel.prefixSteps(), run.steps().size());
    out.append("<h2>Shrunk program</h2>\n<p class=\"meta\" id=\"parallel-program\">")
        .append(prefix).append(prefix == 1 ? " prefix step" : " prefix steps")
        .append(" in sequence, then ").append(parallel.branches().size())
        .append(" branches at once; how their steps overlapped is under Concurrent run.</p>\n");
    if (prefix > 0) {
      out.append("<h3>Prefix</h3>\n<ol class=\"steps\" id=\"steps\">\n");
      for (StepRecord step : run.steps().subList(0, prefix)) {
        stepHead(run, step, out);
        exchanges(step, step.exchanges(), out);
        out.append("</li>\n");
      }
      out.append("</ol>\n");
    }
    out.append("<h3>Branches, run at once</h3>\n<ul class=\"branches\" id=\"branch-steps\">\n");
    for (RunRecord.BranchRecord branch : parallel.branches()) {
      out.append("<li>branch ").append(branch.branch() + 1).append(" (<code>")
          .append(e(branch.user())).append("</code>):<ul>");
      for (RunRecord.TimedStep timed : branch.steps()) {
        StepRecord step = timed.number() >= 1 && timed.number() <= run.steps().size()
            ? run.steps().get(timed.number() - 1) : null;
        out.append("<li><code>").append(step == null ? "step " + timed.number() : e(step.text()))
            .append("</code> → <code>").append(timed.pending() ? "no answer" : e(timed.answer()))
            .append("</code>");
        if (step != null) {
          exchanges(step, step.exchanges(), out);
        }
        out.append("</li>");
      }
      out.append("</ul></li>\n");
    }
    out.append("</ul>\n");
  }

  /**
   * A parallel failure in the branches has no step before which the model stood: it shows the
   * state the branches started from (after the prefix) and, where the checker found one, the
   * state the closest order of their steps stops in.
   */
  private static void parallelModelState(RunRecord run, StringBuilder out) {
    if (!inBranches(run)) {
      modelState(run, out);
      return;
    }
    int prefix = Math.min(run.parallel().prefixSteps(), run.steps().size());
    ConcurrentRun concurrent = ConcurrentRun.from(run);
    String start = concurrent.initialState() != null ? concurrent.initialState()
        : prefix > 0 ? run.steps().get(prefix - 1).modelAfter()
        : run.steps().isEmpty() ? null : run.steps().get(0).modelBefore();
    out.append("<h2>Model state around the failure</h2>\n<table id=\"model-state\">")
        .append("<tr><th>").append(prefix == 0 ? "at the start of the branches (no prefix)"
            : "after the prefix (" + prefix + (prefix == 1 ? " step)" : " steps)"))
        .append("</th><td><pre>").append(e(String.valueOf(start))).append("</pre></td></tr>");
    if (!concurrent.breaks().isEmpty()) {
      out.append("<tr><th>where the closest order stops (").append(concurrent.closestOrder().size())
          .append(" of ").append(concurrent.partitionOperations())
          .append(" operations placed)</th><td><pre>").append(e(concurrent.breaks().get(0).state()))
          .append("</pre></td></tr>");
    }
    out.append("</table>\n<p class=\"meta\">The branches ran at once, so no single step")
        .append(" comes before the failure; Concurrent run shows the closest order, step by step.</p>\n");
  }

  private static void exchanges(StepRecord step, List<Exchange> exchanges, StringBuilder out) {
    for (Exchange x : exchanges) {
      // The failing step's exchanges start open: they are what a reader looks for first.
      out.append(step.failed() ? "<details open>" : "<details>").append("<summary>").append(e(x.method())).append(' ').append(e(x.target()))
          .append(" → ").append(x.status() == 0 ? "no response" : String.valueOf(x.status()))
          .append(x.latency() == null ? "" : " (" + ms(x.latency().toNanos() / 1e6) + " ms)")
          .append("</summary><div class=\"meta\">request</div><pre>")
          .append(e(headers(x.requestHeaders()) + nullToEmpty(x.requestBody())))
          .append("</pre><div class=\"meta\">response</div><pre>")
          .append(e(headers(x.responseHeaders()) + nullToEmpty(x.responseBody())
              + (x.error() == null ? "" : "\nerror: " + x.error())))
          .append("</pre></details>");
    }
  }

  private static void modelState(RunRecord run, StringBuilder out) {
    StepRecord failing = run.steps().get(run.failure().step() - 1);
    out.append("<h2>Model state around the failure</h2>\n<table id=\"model-state\">")
        .append("<tr><th>before step ").append(failing.number()).append("</th><td><pre>")
        .append(e(failing.modelBefore())).append("</pre></td></tr><tr><th>after step ")
        .append(failing.number()).append(" (as the model expected)</th><td><pre>")
        .append(e(failing.modelAfter())).append("</pre></td></tr></table>\n");
  }

  /** A comparison's p95 per command, the control's beside the candidate's, and their ratio. */
  private static void versus(RunRecord.Coverage c, StringBuilder out) {
    if (c.controlLatency().isEmpty()) {
      return;
    }
    out.append("<h2>Latency: control vs candidate</h2>\n<table id=\"versus-latency\"><tr>")
        .append("<th>command</th><th>control p95 ms</th><th>candidate p95 ms</th><th>ratio</th></tr>\n");
    c.controlLatency().forEach((command, control) -> {
      RunRecord.Latency candidate = c.latency().get(command);
      out.append("<tr><td><code>").append(e(command)).append("</code></td><td class=\"num\">")
          .append(ms(control.p95Ms())).append("</td><td class=\"num\">")
          .append(candidate == null ? "–" : ms(candidate.p95Ms())).append("</td><td class=\"num\">")
          .append(candidate == null || control.p95Ms() <= 0 ? "–"
              : String.format(Locale.ROOT, "%.2f×", candidate.p95Ms() / control.p95Ms()))
          .append("</td></tr>\n");
    });
    out.append("</table>\n");
  }

  private static void latency(Map<String, RunRecord.Latency> latency, StringBuilder out) {
    if (latency.isEmpty()) {
      return;
    }
    double max = latency.values().stream().mapToDouble(RunRecord.Latency::p99Ms).max().orElse(1);
    out.append("<h2>Latency per command</h2>\n<table id=\"latency\"><tr><th>command</th>")
        .append("<th>count</th><th>p50 ms</th><th>p95 ms</th><th>p99 ms</th><th></th></tr>\n");
    latency.forEach((command, l) -> out.append("<tr><td><code>").append(e(command))
        .append("</code></td><td class=\"num\">").append(l.count()).append("</td><td class=\"num\">")
        .append(ms(l.p50Ms())).append("</td><td class=\"num\">").append(ms(l.p95Ms()))
        .append("</td><td class=\"num\">").append(ms(l.p99Ms())).append("</td><td style=\"width:260px\">")
        .append("<div class=\"bar\" style=\"width:").append(pct(l.p95Ms(), max))
        .append("%\" title=\"p95\"></div><div class=\"bar p99\" style=\"width:")
        .append(pct(l.p99Ms(), max)).append("%\" title=\"p99\"></div></td></tr>\n"));
    out.append("</table>\n<p class=\"meta\" id=\"latency-legend\">Bars: <span class=\"bar\"")
        .append(" style=\"display:inline-block;width:24px\"></span> p95 and <span class=\"bar p99\"")
        .append(" style=\"display:inline-block;width:24px\"></span> p99 per command, to scale: the")
        .append(" longest bar is the slowest p99, ").append(ms(max)).append(" ms.</p>\n");
  }

  private static void coverage(RunRecord.Coverage c, StringBuilder out) {
    out.append("<h2>Coverage</h2>\n<table><tr><th>command</th><th>runs</th></tr>");
    c.commands().forEach((command, count) -> out.append("<tr><td><code>").append(e(command))
        .append("</code></td><td class=\"num\">").append(count).append("</td></tr>"));
    out.append("</table>\n");
    if (!c.flags().isEmpty()) {
      out.append("<h3>By flag</h3>\n<table id=\"flags\"><tr><th>command</th><th>flag value</th>")
          .append("<th>runs</th></tr>");
      c.flags().forEach((command, counts) -> counts.forEach((label, count) ->
          out.append("<tr><td><code>").append(e(command)).append("</code></td><td>")
              .append(e(label)).append("</td><td class=\"num\">").append(count)
              .append("</td></tr>")));
      out.append("</table>\n");
    }
    out.append("<p class=\"meta\">generated program lengths (steps: programs): ");
    c.programLengths().forEach((length, count) -> out.append(length).append(": ").append(count)
        .append("&nbsp; "));
    out.append("</p>\n");
  }

  private static void corpus(RunRecord run, StringBuilder out) {
    if (run.corpus().isEmpty()) {
      return;
    }
    out.append("<h2>Regression corpus (replayed first)</h2>\n<ul>");
    run.corpus().forEach(c -> out.append("<li><code>").append(e(c.file())).append("</code>: ")
        .append(e(c.outcome())).append(c.note() == null ? "" : " — " + e(c.note())).append("</li>"));
    out.append("</ul>\n");
  }

  private static void environment(Map<String, Object> environment, StringBuilder out) {
    out.append("<h2>Environment</h2>\n<details><summary>Java, OS, Tollgate, settings</summary>")
        .append("<table>");
    flatten("", environment, out);
    out.append("</table></details>\n");
  }

  private static void flatten(String prefix, Map<?, ?> map, StringBuilder out) {
    map.forEach((key, value) -> {
      if (value instanceof Map<?, ?> inner) {
        flatten(prefix + key + ".", inner, out);
      } else {
        out.append("<tr><th>").append(e(prefix + key)).append("</th><td><code>")
            .append(e(String.valueOf(value))).append("</code></td></tr>");
      }
    });
  }

  private static String headers(Map<String, List<String>> headers) {
    StringBuilder out = new StringBuilder();
    if (headers != null) {
      headers.forEach((name, values) -> values.forEach(
          v -> out.append(name).append(": ").append(v).append('\n')));
    }
    return out.isEmpty() ? "" : out.append('\n').toString();
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }

  private static String pct(double value, double max) {
    return String.format(Locale.ROOT, "%.1f", max <= 0 ? 0 : Math.min(100, 100 * value / max));
  }

  private static String ms(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  private static String e(String text) {
    return Html.escape(text);
  }
}
