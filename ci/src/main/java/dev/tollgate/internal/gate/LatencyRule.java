package dev.tollgate.internal.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rule 2: each command's p95 latency is within its SLO. Percentiles from different tests cannot
 * be merged exactly, so the gate judges each command by its worst p95 across the reports, which
 * can only err on the side of blocking.
 */
public final class LatencyRule {
    static final String TITLE = "p95 latency within SLO";

    private LatencyRule() {
    }

    private record Worst(double p95Ms, String test, long count) {
    }

    public static RuleOutcome evaluate(List<TollgateReport> reports, GateConfig config) {
        Map<String, Worst> worst = new TreeMap<>();
        for (TollgateReport report : reports) {
            report.latency().forEach((command, latency) -> worst.merge(command,
                    new Worst(latency.p95Ms(), report.test(), latency.count()),
                    (a, b) -> b.p95Ms() > a.p95Ms() ? b : a));
        }
        List<RuleOutcome.Row> rows = new ArrayList<>();
        worst.forEach((command, w) -> {
            double slo = config.sloFor(command);
            String[] cells = {Markdown.code(command), ms(w.p95Ms()), ms(slo) + (config.p95SloMsByCommand()
                    .containsKey(command) ? "" : " (default)"), Markdown.code(w.test()) + " (" + w.count() + " calls)"};
            rows.add(w.p95Ms() > slo ? RuleOutcome.Row.blocked(cells) : RuleOutcome.Row.passed(cells));
        });
        List<String> notes = new ArrayList<>();
        if (worst.isEmpty()) {
            notes.add("No latency data: " + (reports.isEmpty() ? "no Tollgate reports were found."
                    : "the Tollgate reports hold no \"latency\" section."));
        }
        return new RuleOutcome(TITLE, List.of("Command", "p95", "SLO", "Worst in"), rows, notes);
    }

    private static String ms(double value) {
        return String.format(Locale.ROOT, "%.1f ms", value);
    }
}
