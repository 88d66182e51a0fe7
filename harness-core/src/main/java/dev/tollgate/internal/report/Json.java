package dev.tollgate.internal.report;

import dev.tollgate.internal.text.Printable;
import java.util.Collection;
import java.util.Map;

/**
 * Writes JSON text from maps, lists, strings, numbers and booleans. Hand-written so the engine
 * needs no JSON library at run time; the report's structure is built as plain maps in order.
 */
public final class Json {
  private Json() {}

  static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, out, 0);
    return out.append('\n').toString();
  }

  private static void write(Object value, StringBuilder out, int depth) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String text) {
      string(text, out);
    } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
      out.append(value);
    } else if (value instanceof Number number) {
      double d = number.doubleValue();
      // JSON has no NaN or infinity; a report must still parse.
      out.append(Double.isFinite(d) ? Double.toString(d) : "null");
    } else if (value instanceof Map<?, ?> map) {
      object(map, out, depth);
    } else if (value instanceof Collection<?> list) {
      array(list, out, depth);
    } else {
      string(String.valueOf(value), out);
    }
  }

  private static void object(Map<?, ?> map, StringBuilder out, int depth) {
    if (map.isEmpty()) {
      out.append("{}");
      return;
    }
    out.append('{');
    boolean first = true;
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      out.append(first ? "" : ",").append('\n').append("  ".repeat(depth + 1));
      first = false;
      string(String.valueOf(entry.getKey()), out);
      out.append(": ");
      write(entry.getValue(), out, depth + 1);
    }
    out.append('\n').append("  ".repeat(depth)).append('}');
  }

  private static void array(Collection<?> list, StringBuilder out, int depth) {
    if (list.isEmpty()) {
      out.append("[]");
      return;
    }
    out.append('[');
    boolean first = true;
    for (Object item : list) {
      out.append(first ? "" : ",").append('\n').append("  ".repeat(depth + 1));
      first = false;
      write(item, out, depth + 1);
    }
    out.append('\n').append("  ".repeat(depth)).append(']');
  }

  static void string(String text, StringBuilder out) {
    quote(text, true, out);
  }

  /**
   * Appends {@code text} as a double-quoted literal, which JSON and Java read alike. With {@code
   * htmlSafe}, '<' and '>' are escaped too, so the text can sit inside an HTML page unharmed.
   */
  public static void quote(String text, boolean htmlSafe, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (Printable.unsafe(text, i) || (htmlSafe && (c == '<' || c == '>'))) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
