package dev.tollgate.internal.secrets;

/**
 * Masks the value of every {@code "name": value} whose name is secret, in any text: a JSON body,
 * newline-delimited JSON, JSON cut short, or a message that quotes a few fields. One pass from
 * left to right with no recursion and no regular expression, so its work and stack stay linear
 * in the input whatever the nesting (a backtracking pattern once overflowed the stack on a body
 * of 2,400 characters and lost the counterexample).
 *
 * <p>String values that hold escaped JSON themselves ({@code "{\"token\":\"t\"}"}) are decoded
 * and masked too, up to {@link #MAX_DEPTH} levels deep, so the whole costs at most that many
 * passes.
 */
final class JsonFields {
  /** How deep JSON held inside JSON strings is looked into. */
  static final int MAX_DEPTH = 2;

  private JsonFields() {}

  /** {@code text} with secret fields masked, or {@code text} itself when none was. */
  static String mask(String text, int depth) {
    int n = text.length();
    StringBuilder out = null;
    int copied = 0;
    int i = 0;
    while (i < n) {
      if (text.charAt(i) != '"') {
        i++;
        continue;
      }
      int end = stringEnd(text, i);
      int colon = skipSpace(text, end);
      if (colon < n && text.charAt(colon) == ':' && end > i + 1 && text.charAt(end - 1) == '"') {
        String name = text.substring(i + 1, end - 1);
        int value = skipSpace(text, colon + 1);
        if (!Redactor.isSecretName(name) || value >= n) {
          i = colon + 1;
          continue;
        }
        int valueEnd = valueEnd(text, value);
        String mask = maskOf(text, value, valueEnd);
        if (mask != null) {
          if (out == null) {
            out = new StringBuilder(n);
          }
          out.append(text, copied, value).append('"').append(mask).append('"');
          copied = valueEnd;
        }
        i = Math.max(valueEnd, colon + 1);
        continue;
      }
      if (depth < MAX_DEPTH && end - i > 2 && text.charAt(end - 1) == '"'
          && holdsQuote(text, i + 1, end - 1)) {
        String raw = text.substring(i + 1, end - 1);
        String decoded = decode(raw);
        String masked = Redactor.structured(decoded, depth + 1);
        if (!masked.equals(decoded)) {
          if (out == null) {
            out = new StringBuilder(n);
          }
          out.append(text, copied, i).append('"').append(encode(masked)).append('"');
          copied = end;
        }
      }
      i = end;
    }
    return out == null ? text : out.append(text, copied, n).toString();
  }

  /**
   * Hands {@code found} the value of every secret-named field in {@code text}: strings and
   * numbers, the strings of a secret-named list, and secret-named fields inside a secret-named
   * object. Other values inside such an object (a user name beside the session id) are masked
   * with it but not taken for secrets on their own. One pass, like {@link #mask}.
   */
  static void collect(String text, int depth, java.util.function.Consumer<String> found) {
    int n = text.length();
    int i = 0;
    while (i < n) {
      if (text.charAt(i) != '"') {
        i++;
        continue;
      }
      int end = stringEnd(text, i);
      int colon = skipSpace(text, end);
      if (colon < n && text.charAt(colon) == ':' && end > i + 1 && text.charAt(end - 1) == '"') {
        int value = skipSpace(text, colon + 1);
        if (value < n && Redactor.isSecretName(text.substring(i + 1, end - 1))) {
          char c = text.charAt(value);
          if (c == '[') {
            collectList(text, value, found);
          } else if (c != '{') {
            int valueEnd = valueEnd(text, value);
            if (maskOf(text, value, valueEnd) != null) {
              boolean quoted = c == '"';
              boolean closed = quoted && valueEnd - value >= 2 && text.charAt(valueEnd - 1) == '"';
              found.accept(quoted
                  ? decode(text.substring(value + 1, closed ? valueEnd - 1 : valueEnd))
                  : text.substring(value, valueEnd));
            }
          }
        }
        // Objects are read on, so the secret-named fields inside them are found too.
        i = colon + 1;
        continue;
      }
      if (depth < MAX_DEPTH && end - i > 2 && text.charAt(end - 1) == '"'
          && holdsQuote(text, i + 1, end - 1)) {
        Redactor.collect(decode(text.substring(i + 1, end - 1)), depth + 1, found);
      }
      i = end;
    }
  }

  /** The strings directly inside the list that opens at {@code start}. */
  private static void collectList(String text, int start, java.util.function.Consumer<String> found) {
    int end = Masks.bracketEnd(text, start);
    int depth = 0;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c == '"') {
        int close = stringEnd(text, i);
        if (depth == 1 && text.charAt(close - 1) == '"' && close - i > 2) {
          found.accept(decode(text.substring(i + 1, close - 1)));
        }
        i = close - 1;
      } else if (c == '[' || c == '{') {
        depth++;
      } else if (c == ']' || c == '}') {
        depth--;
      }
    }
  }

  /** Whether {@code [from, to)} holds an escaped quote: JSON held in a JSON string. */
  private static boolean holdsQuote(String text, int from, int to) {
    for (int i = from; i < to - 1; i++) {
      if (text.charAt(i) == '\\' && text.charAt(i + 1) == '"') {
        return true;
      }
    }
    return false;
  }

  /** The index after the string that opens at {@code start}, or the text's end if it is cut. */
  static int stringEnd(String text, int start) {
    int i = start + 1;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\\') {
        i += 2;
      } else if (c == '"') {
        return i + 1;
      } else {
        i++;
      }
    }
    return text.length();
  }

  private static int skipSpace(String text, int from) {
    int i = from;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  /** The end of the value that starts at {@code start}: a string, object, array or literal. */
  private static int valueEnd(String text, int start) {
    char c = text.charAt(start);
    if (c == '"') {
      return stringEnd(text, start);
    }
    if (c == '{' || c == '[') {
      return Masks.bracketEnd(text, start);
    }
    int i = start;
    while (i < text.length() && ",}]\"".indexOf(text.charAt(i)) < 0
        && !Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  /** The mask for the value in {@code [start, end)}, or null to keep it as it is. */
  private static String maskOf(String text, int start, int end) {
    char c = text.charAt(start);
    if (c == '"') {
      boolean closed = end - start >= 2 && text.charAt(end - 1) == '"';
      String value = decode(text.substring(start + 1, closed ? end - 1 : end));
      return value.isEmpty() || Masks.isMasked(value) ? null : Masks.mask(value);
    }
    if (c == '{' || c == '[') {
      return Masks.maskStructure(text, start, end);
    }
    String literal = text.substring(start, end);
    if (literal.isEmpty() || literal.equals("null") || literal.equals("true")
        || literal.equals("false")) {
      // No secret hides in a boolean, and a missing value is worth seeing as missing.
      return null;
    }
    return Masks.maskNumber(literal);
  }

  /** The text of a JSON string's content; escapes it cannot read are kept as they are. */
  static String decode(String raw) {
    if (raw.indexOf('\\') < 0) {
      return raw;
    }
    StringBuilder out = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c != '\\' || i + 1 >= raw.length()) {
        out.append(c);
        continue;
      }
      char e = raw.charAt(++i);
      switch (e) {
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'r' -> out.append('\r');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'u' -> {
          if (isHex(raw, i + 1)) {
            out.append((char) Integer.parseInt(raw.substring(i + 1, i + 5), 16));
            i += 4;
          } else {
            out.append("\\u");
          }
        }
        default -> out.append(e);
      }
    }
    return out.toString();
  }

  private static boolean isHex(String s, int from) {
    if (from + 4 > s.length()) {
      return false;
    }
    for (int i = from; i < from + 4; i++) {
      if (Character.digit(s.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  /** A JSON string's content for {@code text}. */
  static String encode(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
