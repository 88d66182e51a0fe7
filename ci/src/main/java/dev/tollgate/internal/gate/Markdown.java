package dev.tollgate.internal.gate;

/** Escaping for text that goes into a Markdown table cell, where a pipe or a newline would break the row. */
public final class Markdown {
    private static final int MAX_CELL = 400;

    private Markdown() {
    }

    /** Plain text: pipes and HTML escaped. */
    public static String text(String raw) {
        return oneLine(raw).replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;");
    }

    /** Inline code; backticks inside are swapped for quotes, as code spans cannot escape them. */
    public static String code(String raw) {
        return "`" + oneLine(raw).replace('`', '\'').replace("|", "\\|") + "`";
    }

    /** One line, long text cut: the full text is in the test reports. */
    private static String oneLine(String raw) {
        String line = raw == null ? "" : raw.strip().replaceAll("\\s+", " ");
        return line.length() > MAX_CELL ? line.substring(0, MAX_CELL) + "…" : line;
    }
}
