package dev.tollgate.model;

import java.util.Collection;
import java.util.stream.Collectors;

/** How arguments are shown in step descriptions. */
final class Steps {
  private static final int MAX_SHOWN = 60;

  private Steps() {}

  static String show(Object arg) {
    if (arg == null) {
      return "";
    }
    if (arg instanceof String s) {
      return quote(s);
    }
    if (arg instanceof java.util.Map<?, ?> map) {
      return map.entrySet().stream()
          .map(e -> e.getKey() + "=" + show(e.getValue()))
          .collect(Collectors.joining(", ", "{", "}"));
    }
    if (arg instanceof Collection<?> c) {
      return c.stream().map(Steps::show).collect(Collectors.joining(", ", "[", "]"));
    }
    if (arg instanceof Record) {
      String text = arg.toString();
      int open = text.indexOf('[');
      return open >= 0 && text.endsWith("]") ? text.substring(open + 1, text.length() - 1) : text;
    }
    return String.valueOf(arg);
  }

  static String quote(String s) {
    StringBuilder out = new StringBuilder("\"");
    int shown = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (shown == MAX_SHOWN) {
        out.append("…(").append(s.codePointCount(0, s.length())).append(" chars)");
        break;
      }
      shown++;
      switch (cp) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        default -> {
          if (cp < 0x20 || (cp >= 0x202A && cp <= 0x202E)) {
            out.append(String.format("\\u%04x", cp));
          } else {
            out.appendCodePoint(cp);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
