package dev.tollgate.internal.secrets;

import java.util.Collection;
import java.util.Map;

/**
 * The masks themselves. Each keeps the length and kind of what it hides ({@code [redacted: 7
 * chars]}, {@code [redacted list: 2 items]}), and leaves empty values alone.
 */
final class Masks {
  private Masks() {}

  /** Whether {@code value} is already a mask. */
  static boolean isMasked(String value) {
    return value.startsWith(Redactor.MASK_PREFIX) && value.endsWith("]");
  }

  /**
   * The mask for one secret value, which keeps its length: {@code [redacted: 7 chars]}. An empty
   * value stays empty, and a mask stays as it is.
   */
  static String mask(String value) {
    if (value == null || value.isEmpty() || isMasked(value)) {
      return value;
    }
    int chars = value.codePointCount(0, value.length());
    return Redactor.MASK_PREFIX + ": " + chars + (chars == 1 ? " char]" : " chars]");
  }

  /**
   * The mask for a value a model holds under a secret name: a list or map by its size, anything
   * else by the length of its text. Null and empty values stay as they are.
   */
  static Object maskValue(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Collection<?> items) {
      return items.isEmpty() ? value : Redactor.MASK_PREFIX + " list: " + items.size()
          + (items.size() == 1 ? " item]" : " items]");
    }
    if (value instanceof Map<?, ?> map) {
      return map.isEmpty() ? value : Redactor.MASK_PREFIX + " object: " + map.size()
          + (map.size() == 1 ? " field]" : " fields]");
    }
    Secrets.register(String.valueOf(value));
    return mask(String.valueOf(value));
  }

  static String maskNumber(String literal) {
    return Redactor.MASK_PREFIX + " number: " + literal.length()
        + (literal.length() == 1 ? " char]" : " chars]");
  }

  /**
   * The mask for the object or list in {@code [start, end)}, with its number of items; null for
   * an empty one, which holds no secret.
   */
  static String maskStructure(String text, int start, int end) {
    boolean list = text.charAt(start) == '[';
    int items = 0;
    boolean seen = false;
    int depth = 0;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c == '"') {
        i = JsonFields.stringEnd(text, i) - 1;
        seen |= depth == 1;
      } else if (c == '[' || c == '{') {
        seen |= depth == 1;
        depth++;
      } else if (c == ']' || c == '}') {
        depth--;
      } else if (depth == 1 && c == ',') {
        items++;
      } else if (depth == 1 && !Character.isWhitespace(c)) {
        seen = true;
      }
    }
    if (!seen) {
      return null;
    }
    items++;
    return Redactor.MASK_PREFIX + (list ? " list: " + items + (items == 1 ? " item]" : " items]")
        : " object: " + items + (items == 1 ? " field]" : " fields]"));
  }

  /**
   * The end of the bracketed value that opens at {@code start}: after its matching bracket, or
   * the text's end when it is cut short. Quoted text inside is skipped.
   */
  static int bracketEnd(String text, int start) {
    int depth = 0;
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        i = JsonFields.stringEnd(text, i) - 1;
      } else if (c == '[' || c == '{') {
        depth++;
      } else if ((c == ']' || c == '}') && --depth == 0) {
        return i + 1;
      }
    }
    return text.length();
  }
}
