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
        // The worst p95 among the reports with enough calls to judge; failing that, the worst of
        // all, shown but not judged.
        Map<String, Worst> worst = new TreeMap<>();
        for (TollgateReport report : reports) {
            report.latency().forEach((command, latency) -> worst.merge(command,
                    new Worst(latency.p95Ms(), report.test(), latency.count()),
                    (a, b) -> worse(b, a, config.minCalls()) ? b : a));
        }
        List<RuleOutcome.Row> rows = new ArrayList<>();
        List<String> tooFew = new ArrayList<>();
        worst.forEach((command, w) -> {
            double slo = config.sloFor(command);
            boolean judged = w.count() >= config.minCalls();
            boolean over = w.p95Ms() > slo;
            Text[] cells = {Text.code(command),
                    Text.plain(ms(w.p95Ms()) + (judged ? "" : over ? " (over the SLO, not judged)" : " (not judged)")),
                    Text.plain(ms(slo) + (config.p95SloMsByCommand().containsKey(command) ? "" : " (default)")),
                    Text.code(w.test()).plus(" (" + w.count() + " calls)")};
            if (!judged) {
                tooFew.add(Markdown.code(command));
            }
            rows.add(!judged ? RuleOutcome.Row.notJudged(cells)
                    : over ? RuleOutcome.Row.blocked(cells) : RuleOutcome.Row.passed(cells));
        });
        List<String> notes = new ArrayList<>();
        if (worst.isEmpty()) {
            notes.add("No latency data: " + (reports.isEmpty() ? "no Tollgate reports were found."
                    : "the Tollgate reports hold no \"latency\" section."));
        }
        if (!tooFew.isEmpty()) {
            notes.add("Not judged, with fewer than " + config.minCalls() + " calls in every report ("
                    + GateConfig.MIN_CALLS + "): " + String.join(", ", tooFew) + ". Over so few calls the"
                    + " p95 is the slowest one, often the first, cold call.");
        }
        return new RuleOutcome(TITLE, List.of("Command", "p95", "SLO", "Worst in"), rows, notes, worst.isEmpty());
    }

    /** Whether {@code a} should stand for its command rather than {@code b}. */
    private static boolean worse(Worst a, Worst b, int minCalls) {
        boolean aJudged = a.count() >= minCalls;
        boolean bJudged = b.count() >= minCalls;
        if (aJudged != bJudged) {
            return aJudged;
        }
        return a.p95Ms() > b.p95Ms();
    }

    private static String ms(double value) {
        return String.format(Locale.ROOT, "%.1f ms", value);
    }
}
