package dev.tollgate.internal.gate;

import java.util.ArrayList;
import java.util.List;

/**
 * A line of the gate's output kept as parts (plain words, code, links), so each destination
 * escapes it its own way: Markdown for {@code gate.md}, plain text for the console and chat,
 * where {@code &lt;} or {@code \|} would be noise.
 */
public final class Text {

    private sealed interface Part permits Plain, Code, Link, Cut {
    }

    private record Plain(String text) implements Part {
    }

    private record Code(String text) implements Part {
    }

    /** A link to a file next to {@code gate.md}; plain text shows the target, since a terminal cannot click a label. */
    private record Link(String label, String target) implements Part {
    }

    /** Marks text cut short; where the full text is depends on the destination. */
    private record Cut() implements Part {
    }

    private final List<Part> parts;

    private Text(List<Part> parts) {
        this.parts = List.copyOf(parts);
    }

    public static Text plain(String text) {
        return new Text(List.of(new Plain(text)));
    }

    public static Text code(String text) {
        return new Text(List.of(new Code(text)));
    }

    public Text plus(String text) {
        return with(new Plain(text));
    }

    public Text plusCode(String text) {
        return with(new Code(text));
    }

    public Text plusLink(String label, String target) {
        return with(new Link(label, target));
    }

    /**
     * The text on one line, cut at a word boundary to at most about {@code max} characters with a
     * marker saying so; the caller puts the full text where the marker points (gate.md's details).
     */
    public static Text shortened(String text, int max) {
        String line = Markdown.oneLine(text);
        if (line.length() <= max) {
            return plain(line);
        }
        return new Text(List.of(new Plain(Markdown.cutAtWord(line, max)), new Cut()));
    }

    public boolean isCut() {
        return parts.stream().anyMatch(p -> p instanceof Cut);
    }

    public Text plus(Text other) {
        List<Part> joined = new ArrayList<>(parts);
        joined.addAll(other.parts);
        return new Text(joined);
    }

    private Text with(Part part) {
        List<Part> more = new ArrayList<>(parts);
        more.add(part);
        return new Text(more);
    }

    /** One line of Markdown, safe in a table cell. */
    public String markdown() {
        StringBuilder md = new StringBuilder();
        for (Part part : parts) {
            if (part instanceof Plain p) {
                md.append(Markdown.escaped(p.text()));
            } else if (part instanceof Code c) {
                md.append(Markdown.code(c.text()));
            } else if (part instanceof Link l) {
                md.append(Markdown.link(l.label(), l.target()));
            } else {
                md.append(" … *(cut: full text below)*");
            }
        }
        return md.toString();
    }

    /** One line of plain text: nothing escaped; code keeps its backticks, which chat shows as code. */
    public String plain() {
        StringBuilder text = new StringBuilder();
        for (Part part : parts) {
            if (part instanceof Plain p) {
                text.append(Markdown.collapsed(p.text()));
            } else if (part instanceof Code c) {
                text.append('`').append(Markdown.oneLine(c.text())).append('`');
            } else if (part instanceof Link l) {
                text.append(l.target());
            } else {
                text.append(" … (cut: full text in gate.md)");
            }
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return plain();
    }
}
