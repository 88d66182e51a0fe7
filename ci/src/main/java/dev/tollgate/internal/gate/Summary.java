package dev.tollgate.internal.gate;

import dev.tollgate.gate.Verdict;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The gate's written ruling: Markdown for {@code gate.md} and the CI job summary (verdict
 * first, then one table per rule), and a short text for chat.
 */
public final class Summary {
    private static final int MAX_CHAT_ITEMS = 10;

    private Summary() {
    }

    public static String verdictLine(Verdict verdict) {
        String icon = switch (verdict) {
            case PASSED -> "✅";
            case BLOCKED -> "⛔";
            case UNDECIDED -> "⚠️";
        };
        return icon + " Tollgate gate: " + verdict.label();
    }

    public static Verdict verdictOf(List<RuleOutcome> outcomes) {
        return outcomes.stream().anyMatch(RuleOutcome::blocks) ? Verdict.BLOCKED : Verdict.PASSED;
    }

    public static String markdown(List<RuleOutcome> outcomes, List<String> warnings) {
        Verdict verdict = verdictOf(outcomes);
        StringBuilder md = new StringBuilder("# ").append(verdictLine(verdict)).append("\n\n");
        List<String> blocking = outcomes.stream().filter(RuleOutcome::blocks).map(RuleOutcome::title).toList();
        md.append(blocking.isEmpty()
                ? "All " + outcomes.size() + " rules passed: the build may be deployed."
                : blocking.size() + " of " + outcomes.size() + " rules block the deploy: "
                        + String.join(", ", blocking) + ".").append("\n");
        for (RuleOutcome outcome : outcomes) {
            md.append("\n## ").append(outcome.blocks() ? "⛔ " : "✅ ").append(outcome.title()).append("\n\n");
            if (!outcome.rows().isEmpty()) {
                md.append("| | ").append(String.join(" | ", outcome.columns())).append(" |\n");
                md.append("|---|").append("---|".repeat(outcome.columns().size())).append("\n");
                for (RuleOutcome.Row row : outcome.rows()) {
                    md.append("| ").append(row.blocks() ? "⛔" : "✅").append(" | ")
                            .append(String.join(" | ", row.cells())).append(" |\n");
                }
                if (!outcome.notes().isEmpty()) {
                    md.append("\n");
                }
            }
            outcome.notes().forEach(note -> md.append(note).append("\n"));
        }
        if (!warnings.isEmpty()) {
            md.append("\n## Warnings\n\n");
            warnings.forEach(w -> md.append("- ").append(Markdown.text(w)).append("\n"));
        }
        return md.toString();
    }

    public static String undecidedMarkdown(String message) {
        return "# " + verdictLine(Verdict.UNDECIDED) + "\n\n"
                + "The gate could not read its inputs, so it neither passes nor blocks on the rules;"
                + " CI treats this as a failure.\n\n```\n" + message.replace("```", "'''") + "\n```\n";
    }

    /** The verdict and each blocking item, short enough for a chat message; details are in the job summary. */
    public static String chatText(List<RuleOutcome> outcomes, String detailsUrl) {
        StringBuilder text = new StringBuilder(verdictLine(verdictOf(outcomes)));
        List<String> items = outcomes.stream()
                .flatMap(o -> o.blockingRows().stream().map(r -> "• " + o.title() + ": "
                        + r.cells().stream().collect(Collectors.joining(" — "))))
                .toList();
        items.stream().limit(MAX_CHAT_ITEMS).forEach(item -> text.append('\n').append(item));
        if (items.size() > MAX_CHAT_ITEMS) {
            text.append("\n… and ").append(items.size() - MAX_CHAT_ITEMS).append(" more");
        }
        if (detailsUrl != null) {
            text.append("\nDetails: ").append(detailsUrl);
        }
        return text.toString();
    }
}
