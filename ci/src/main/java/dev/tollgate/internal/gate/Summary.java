package dev.tollgate.internal.gate;

import dev.tollgate.gate.Verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The gate's written ruling: Markdown for {@code gate.md} and the CI job summary (verdict
 * first, then one table per rule, one row per item, and below each table what its failing rows
 * cannot hold: the replay line, links to the reports, the full message), and a short plain
 * text for chat.
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
        List<String> blocking = titles(outcomes, RuleOutcome.Mark.BLOCKED);
        List<String> notJudged = titles(outcomes, RuleOutcome.Mark.NOT_JUDGED);
        List<String> warned = titles(outcomes, RuleOutcome.Mark.WARNED);
        if (!blocking.isEmpty()) {
            md.append(blocking.size()).append(" of ").append(outcomes.size()).append(" rules block the deploy: ")
                    .append(String.join(", ", blocking)).append(".");
        } else if (notJudged.isEmpty() && warned.isEmpty()) {
            md.append("All ").append(outcomes.size()).append(" rules passed: the build may be deployed.");
        } else {
            md.append("No rule blocks the deploy: the build may be deployed.");
            if (!notJudged.isEmpty()) {
                md.append(" Passed: ").append(outcomes.size() - notJudged.size()).append(" of ")
                        .append(outcomes.size()).append(" rules; not judged (in full): ")
                        .append(String.join(", ", notJudged)).append(".");
            }
            if (!warned.isEmpty()) {
                md.append(" With warnings that a setting keeps from blocking: ").append(String.join(", ", warned))
                        .append(".");
            }
        }
        md.append("\n");
        for (RuleOutcome outcome : outcomes) {
            md.append("\n## ").append(outcome.mark().icon()).append(" ").append(outcome.title()).append("\n\n");
            if (!outcome.rows().isEmpty()) {
                md.append("| | ").append(String.join(" | ", outcome.columns())).append(" |\n");
                md.append("|---|").append("---|".repeat(outcome.columns().size())).append("\n");
                for (RuleOutcome.Row row : outcome.rows()) {
                    md.append("| ").append(row.mark().icon()).append(" | ")
                            .append(String.join(" | ", row.cells())).append(" |\n");
                }
                if (!outcome.notes().isEmpty()) {
                    md.append("\n");
                }
            }
            outcome.notes().forEach(note -> md.append(note).append("\n"));
            for (RuleOutcome.Row row : outcome.rows()) {
                row.details().ifPresent(details -> md.append(details(row, details)));
            }
        }
        if (!warnings.isEmpty()) {
            md.append("\n## Warnings\n\n");
            warnings.forEach(w -> md.append("- ").append(Markdown.text(w)).append("\n"));
        }
        return md.toString();
    }

    private static List<String> titles(List<RuleOutcome> outcomes, RuleOutcome.Mark mark) {
        return outcomes.stream().filter(o -> o.mark() == mark).map(RuleOutcome::title).toList();
    }

    /** Below the table: what one row's cells cannot hold, under a heading naming the row. */
    private static String details(RuleOutcome.Row row, RuleOutcome.Details details) {
        StringBuilder md = new StringBuilder("\n### ").append(row.mark().icon()).append(" ")
                .append(row.cells().isEmpty() ? "" : row.cells().get(0)).append("\n");
        details.replay().ifPresent(replay -> md.append("\nReplay exactly this program:\n\n")
                .append(Markdown.fenced(replay)));
        details.reports().ifPresent(links -> md.append("\nReports: ").append(links.markdown()).append("\n"));
        details.fullText().ifPresent(full -> md.append("\n<details><summary>Full message</summary>\n\n")
                .append(Markdown.fenced(full)).append("\n</details>\n"));
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
                        + String.join(" — ", r.plainCells())
                        + r.details().flatMap(RuleOutcome.Details::replay).map(line -> "\n  replay: " + line)
                                .orElse("")))
                .collect(Collectors.toCollection(ArrayList::new));
        outcomes.forEach(o -> o.warningRows().forEach(r -> items.add("• warning, not blocking: " + o.title() + ": "
                + String.join(" — ", r.plainCells()))));
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
