package dev.tollgate.internal.gate;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What one gate rule found: a table whose rows pass, block or were not judged, plus notes
 * (Markdown) on what the rule looked at. {@code skipped} is a rule that judged nothing, such
 * as the migrations rule without its settings: it neither passes nor blocks.
 */
public record RuleOutcome(String title, List<String> columns, List<Row> rows, List<String> notes, boolean skipped) {

    public RuleOutcome(String title, List<String> columns, List<Row> rows, List<String> notes) {
        this(title, columns, rows, notes, false);
    }

    /** A row's or a rule's standing; the icon is shown in gate.md, and only BLOCKED stops a deploy. */
    public enum Mark {
        PASSED("✅"),
        BLOCKED("⛔"),
        /** Shown, but not judged (too few calls, or a rule without its settings): never shown as passed. */
        NOT_JUDGED("⚠️"),
        /** Judged, and found wanting, but a setting says it warns instead of blocking (a flaky failure with flaky=warn). */
        WARNED("⚠️");

        private final String icon;

        Mark(String icon) {
            this.icon = icon;
        }

        public String icon() {
            return icon;
        }
    }

    /** What a table cell cannot hold: the line that replays a failure, links to its reports, the full message. */
    public record Details(Optional<String> replay, Optional<Text> reports, Optional<String> fullText) {

        public boolean isEmpty() {
            return replay.isEmpty() && reports.isEmpty() && fullText.isEmpty();
        }
    }

    /** One line of the rule's table. */
    public record Row(Mark mark, List<Text> texts, Optional<Details> details) {

        public static Row passed(Text... cells) {
            return new Row(Mark.PASSED, Arrays.asList(cells), Optional.empty());
        }

        public static Row blocked(Text... cells) {
            return new Row(Mark.BLOCKED, Arrays.asList(cells), Optional.empty());
        }

        public static Row warned(Text... cells) {
            return new Row(Mark.WARNED, Arrays.asList(cells), Optional.empty());
        }

        public static Row notJudged(Text... cells) {
            return new Row(Mark.NOT_JUDGED, Arrays.asList(cells), Optional.empty());
        }

        public Row {
            texts = List.copyOf(texts);
        }

        public Row withDetails(Details more) {
            return new Row(mark, texts, more.isEmpty() ? Optional.empty() : Optional.of(more));
        }

        public boolean blocks() {
            return mark == Mark.BLOCKED;
        }

        /** The cells as Markdown, for gate.md. */
        public List<String> cells() {
            return texts.stream().map(Text::markdown).toList();
        }

        /** The cells as plain text, for the console and chat. */
        public List<String> plainCells() {
            return texts.stream().map(Text::plain).toList();
        }
    }

    public boolean blocks() {
        return rows.stream().anyMatch(Row::blocks);
    }

    public List<Row> blockingRows() {
        return rows.stream().filter(Row::blocks).toList();
    }

    public List<Row> warningRows() {
        return rows.stream().filter(r -> r.mark() == Mark.WARNED).toList();
    }

    /**
     * Blocked if any row blocks; else not judged if the rule was skipped or any row was not judged; else warned if
     * any row warns; else passed.
     */
    public Mark mark() {
        if (blocks()) {
            return Mark.BLOCKED;
        }
        if (skipped || rows.stream().anyMatch(r -> r.mark() == Mark.NOT_JUDGED)) {
            return Mark.NOT_JUDGED;
        }
        return warningRows().isEmpty() ? Mark.PASSED : Mark.WARNED;
    }
}
