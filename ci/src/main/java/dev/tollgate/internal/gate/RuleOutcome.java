package dev.tollgate.internal.gate;

import java.util.List;

/**
 * What one gate rule found: a table (cells are Markdown, already escaped) whose rows either
 * pass or block, plus notes on what the rule looked at.
 */
public record RuleOutcome(String title, List<String> columns, List<Row> rows, List<String> notes) {

    /** One line of the rule's table. */
    public record Row(boolean blocks, List<String> cells) {

        public static Row passed(String... cells) {
            return new Row(false, List.of(cells));
        }

        public static Row blocked(String... cells) {
            return new Row(true, List.of(cells));
        }
    }

    public boolean blocks() {
        return rows.stream().anyMatch(Row::blocks);
    }

    public List<Row> blockingRows() {
        return rows.stream().filter(Row::blocks).toList();
    }
}
