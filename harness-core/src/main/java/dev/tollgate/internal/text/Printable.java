package dev.tollgate.internal.text;

/**
 * Makes text safe to print and to write as UTF-8: control characters (but line breaks and tabs
 * in {@link #text}), NUL, DEL, C1 controls, bidirectional controls, BOMs, line and paragraph
 * separators and lone surrogates become visible escapes such as {@code \u0000} or {@code \u202E}.
 * Well-formed text, emoji included, is returned unchanged (and without copying).
 */
public final class Printable {
  private Printable() {}

  /** Multi-line text: keeps {@code \n} and {@code \t}, escapes the rest. */
  public static String text(String text) {
    return escape(text, true);
  }

  /** One line: also escapes {@code \n} and {@code \t}. */
  public static String line(String text) {
    return escape(text, false);
  }

  /** Whether {@code c} at {@code i} of {@code text} needs an escape; a surrogate pair needs none. */
  public static boolean unsafe(CharSequence text, int i) {
    char c = text.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
    }
    return unsafeChar(c);
  }

  /** Control, bidi and invisible formatting characters that must never reach a file raw. */
  public static boolean unsafeChar(char c) {
    return c < 0x20 || (c >= 0x7f && c <= 0x9f)
        || c == '\u061c' || c == '\u200e' || c == '\u200f' || (c >= '\u202a' && c <= '\u202e')
        || (c >= '\u2066' && c <= '\u2069') || c == '\u2028' || c == '\u2029' || c == '\ufeff';
  }

  private static String escape(String text, boolean keepLines) {
    if (text == null) {
      return "null";
    }
    int first = -1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (unsafe(text, i) && !(keepLines && (c == '\n' || c == '\t'))) {
        first = i;
        break;
      }
    }
    if (first < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
    for (int i = first; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!unsafe(text, i) || (keepLines && (c == '\n' || c == '\t'))) {
        out.append(c);
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c == '\t') {
        out.append("\\t");
      } else if (c == '\r') {
        out.append("\\r");
      } else {
        out.append(String.format("\\u%04X", (int) c));
      }
    }
    return out.toString();
  }
}
