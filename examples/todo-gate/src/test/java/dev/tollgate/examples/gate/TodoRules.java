package dev.tollgate.examples.gate;

/** The todo app's input rules, as its README states them; the model expects 400 outside them. */
final class TodoRules {
  static final int MAX_TITLE = 200;

  private TodoRules() {}

  /** 1 to 200 code points, not all whitespace, no NUL. */
  static boolean validTitle(Object value) {
    if (!(value instanceof String title)) {
      return false;
    }
    int length = title.codePointCount(0, title.length());
    if (length < 1 || length > MAX_TITLE || title.indexOf('\u0000') >= 0) {
      return false;
    }
    return !title.codePoints().allMatch(Character::isWhitespace);
  }
}
