package dev.tollgate.internal.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Rule 4: a candidate compared with the control (the release now live) is not slower at p95 than
 * the control times {@code candidate.p95Ratio}, plus {@code candidate.p95SlackMs}. Only reports of
 * comparison runs ({@code runner.compare(..)}) hold the figures; without any, the rule is skipped.
 * Both sides ran the same programs in turns, so their latencies are measured alike.
 */
public final class VersusRule {
    static final String TITLE = "candidate p95 within the control's";

    private VersusRule() {
    }

    public static RuleOutcome evaluate(List<TollgateReport> reports, GateConfig config) {
        List<RuleOutcome.Row> rows = new ArrayList<>();
        List<String> tooFew = new ArrayList<>();
        for (TollgateReport report : reports) {
            report.versus().forEach((command, v) -> {
                double limit = v.controlP95Ms() * config.candidateP95Ratio() + config.candidateP95SlackMs();
                boolean judged = v.count() >= config.minCalls();
                boolean over = v.candidateP95Ms() > limit;
                Text[] cells = {Text.code(command), Text.plain(ms(v.controlP95Ms())),
                        Text.plain(ms(v.candidateP95Ms()) + (judged ? "" : over
                                ? " (over the limit, not judged)" : " (not judged)")),
                        Text.plain(ms(limit) + " (" + String.format(Locale.ROOT, "%.2f× + %s",
                                config.candidateP95Ratio(), ms(config.candidateP95SlackMs())) + ")"),
                        Text.code(report.test()).plus(" (" + v.count() + " calls)")};
                if (!judged) {
                    tooFew.add(Markdown.code(command));
                }
                rows.add(!judged ? RuleOutcome.Row.notJudged(cells)
                        : over ? RuleOutcome.Row.blocked(cells) : RuleOutcome.Row.passed(cells));
            });
        }
        List<String> notes = new ArrayList<>();
        if (rows.isEmpty()) {
            notes.add("No comparison: no report compares a candidate with a control (runner.compare(..)).");
        }
        if (!tooFew.isEmpty()) {
            notes.add("Not judged, with fewer than " + config.minCalls() + " calls on each side ("
                    + GateConfig.MIN_CALLS + "): " + String.join(", ", tooFew) + ".");
        }
        return new RuleOutcome(TITLE, List.of("Command", "Control p95", "Candidate p95", "Limit", "In"),
                rows, notes, rows.isEmpty());
    }

    private static String ms(double value) {
        return String.format(Locale.ROOT, "%.1f ms", value);
    }
}
