package dev.tollgate.internal.gate;

/**
 * Markdown for {@code gate.md}: escaping for a table cell, where a pipe or a newline would
 * break the row, and blocks for text that must stay whole (replay lines, full messages).
 * The console and chat never see this escaping: they get {@link Text#plain()}.
 */
public final class Markdown {

    private Markdown() {
    }

    /** Plain text in a cell: pipes and HTML escaped. */
    public static String text(String raw) {
        return escaped(oneLine(raw));
    }

    /** Like {@link #text}, keeping a leading or trailing space (text that goes between other parts). */
    static String escaped(String raw) {
        return collapsed(raw).replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;");
    }

    /** Inline code; backticks inside are swapped for quotes, as code spans cannot escape them. */
    public static String code(String raw) {
        return "`" + oneLine(raw).replace('`', '\'').replace("|", "\\|") + "`";
    }

    /** A link to a relative path; the characters that would end the target early are percent-encoded. */
    public static String link(String label, String target) {
        String encoded = target.replace("%", "%25").replace(" ", "%20").replace("(", "%28").replace(")", "%29")
                .replace("<", "%3C").replace(">", "%3E").replace("|", "%7C");
        return "[" + text(label).replace("[", "\\[").replace("]", "\\]") + "](" + encoded + ")";
    }

    /** A fenced code block, its fence longer than any run of backticks inside, so the text comes out whole. */
    public static String fenced(String raw) {
        String text = raw == null ? "" : raw.strip();
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(Math.max(3, longest + 1));
        return fence + "\n" + text + "\n" + fence + "\n";
    }

    /** Whitespace, newlines included, collapsed to single spaces. */
    static String oneLine(String raw) {
        return collapsed(raw).strip();
    }

    static String collapsed(String raw) {
        return raw == null ? "" : raw.replaceAll("\\s+", " ");
    }

    /**
     * The longest start of {@code line} of at most {@code max} characters that ends at a word
     * boundary; a single word longer than half of {@code max} is cut inside, as no boundary is near.
     */
    static String cutAtWord(String line, int max) {
        if (line.length() <= max) {
            return line;
        }
        int space = line.lastIndexOf(' ', max);
        int end = space >= max / 2 ? space : max;
        return line.substring(0, end).stripTrailing();
    }
}
