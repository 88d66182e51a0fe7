package dev.tollgate.internal.report;

import dev.tollgate.internal.report.ConcurrentRun.Op;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Draws a concurrent run's branches side by side as inline SVG, one column per branch and time
 * flowing down, each operation a box from its invocation to its return (Knossos' history view;
 * Porcupine's visualiser turned upright). The time axis is by event, not to scale: each distinct
 * invocation or return time gets one row, so boxes that overlap on the page overlap in time and
 * a 1 µs overlap is as visible as a 1 s one; the axis gives the real times.
 */
final class Timeline {
  private static final int FONT = 12;
  /** A generous width per character of 12 px monospace, so a label's estimate holds it. */
  private static final double CHAR_WIDTH = 7.6;
  private static final int ROW = 22;
  private static final int HEADER = 30;
  private static final int AXIS = 96;
  private static final int MARGIN = 10;
  private static final int GAP = 8;

  private Timeline() {}

  static int columnWidth(int branches) {
    // Two branches fit the page with room for long labels; from five on the page scrolls.
    return Math.min(420, Math.max(190, 980 / Math.max(1, branches)));
  }

  static String svg(ConcurrentRun run) {
    List<Op> ops = run.operations();
    int columns = Math.max(1, run.branches().size());
    int column = columnWidth(columns);
    TreeSet<Long> times = new TreeSet<>();
    boolean anyPending = false;
    for (Op op : ops) {
      times.add(op.invokedNanos());
      if (op.pending()) {
        anyPending = true;
      } else {
        times.add(op.returnedNanos());
      }
    }
    List<Long> rows = List.copyOf(times);
    int rowCount = rows.size() + (anyPending ? 1 : 0);
    int width = AXIS + columns * column + MARGIN;
    int height = HEADER + rowCount * ROW + MARGIN;
    StringBuilder out = new StringBuilder();
    out.append("<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
        .append(width).append(' ').append(height).append("\" width=\"").append(width)
        .append("\" height=\"").append(height).append("\" font-family=\"ui-monospace,")
        .append("'DejaVu Sans Mono',Menlo,Consolas,monospace\" font-size=\"").append(FONT)
        .append("\"><title>Branches on a timeline of invocation and response</title>");
    for (int r = 0; r < rows.size(); r++) {
      int y = HEADER + r * ROW;
      out.append("<line x1=\"").append(AXIS).append("\" y1=\"").append(y).append("\" x2=\"")
          .append(width - MARGIN).append("\" y2=\"").append(y)
          .append("\" stroke=\"#eeeeee\"/><text class=\"time\" x=\"").append(AXIS - 8)
          .append("\" y=\"").append(y + 15).append("\" text-anchor=\"end\" fill=\"#757575\">")
          .append(String.format(Locale.ROOT, "%.3f ms", rows.get(r) / 1e6)).append("</text>");
    }
    for (int b = 0; b < columns; b++) {
      int x = AXIS + b * column;
      out.append("<line x1=\"").append(x).append("\" y1=\"4\" x2=\"").append(x).append("\" y2=\"")
          .append(height - MARGIN).append("\" stroke=\"#bdbdbd\"/>");
      String label = b < run.branches().size() ? run.branches().get(b) : "branch " + (b + 1);
      out.append("<text class=\"branch\" x=\"").append(x + column / 2).append("\" y=\"20\"")
          .append(" text-anchor=\"middle\" font-weight=\"bold\">")
          .append(Html.escape(fit(label, column - 2 * GAP))).append("</text>");
    }
    for (Op op : ops) {
      int top = rows.indexOf(op.invokedNanos());
      int bottom = op.pending() ? rowCount - 1 : rows.indexOf(op.returnedNanos());
      int x = AXIS + op.branch() * column + GAP;
      int y = HEADER + top * ROW + 2;
      int boxWidth = column - 2 * GAP;
      int boxHeight = (bottom - top + 1) * ROW - 4;
      int position = run.position(op.index());
      boolean breaks = run.breaksAt(op.index());
      String fill = breaks ? "#ffebee" : position > 0 ? "#e8f5e9" : "#f5f5f5";
      String stroke = breaks ? "#c62828" : position > 0 ? "#2e7d32" : "#9e9e9e";
      String mark = breaks ? "✗ " : position > 0 ? "#" + position + " " : "";
      String text = mark + op.text() + (op.pending() ? " → (no answer)" : op.answer() == null
          ? "" : " → " + op.answer());
      out.append("<g class=\"op\" data-branch=\"").append(op.branch()).append("\"><title>")
          .append(Html.escape(text + "\n" + span(op))).append("</title><rect x=\"").append(x)
          .append("\" y=\"").append(y).append("\" width=\"").append(boxWidth)
          .append("\" height=\"").append(boxHeight).append("\" rx=\"3\" fill=\"").append(fill)
          .append("\" stroke=\"").append(stroke).append('"')
          .append(op.pending() ? " stroke-dasharray=\"4 3\"" : "").append("/><text x=\"")
          .append(x + 6).append("\" y=\"").append(y + 14).append("\">")
          .append(Html.escape(fit(text, boxWidth - 12))).append("</text></g>");
    }
    return out.append("</svg>").toString();
  }

  /** The text cut to what fits in {@code pixels}, with an ellipsis when cut. */
  static String fit(String text, int pixels) {
    int chars = (int) Math.floor(pixels / CHAR_WIDTH);
    String flat = text.replace('\n', ' ');
    return flat.length() <= chars ? flat : flat.substring(0, Math.max(0, chars - 1)) + "…";
  }

  static String span(Op op) {
    return String.format(Locale.ROOT, "%.3f–%s ms", op.invokedNanos() / 1e6,
        op.pending() ? "…" : String.format(Locale.ROOT, "%.3f", op.returnedNanos() / 1e6));
  }
}
