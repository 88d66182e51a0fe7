package dev.tollgate.internal.gen;

import dev.tollgate.gen.Distribution;
import java.util.ArrayList;
import java.util.List;

/**
 * The characters and the hostile strings that string generators draw from, each ordered from
 * simple to nasty, so that shrinking (lowering a choice) walks towards plain ASCII.
 */
public final class Alphabet {
  private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
  private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  private static final String DIGITS = "0123456789";
  private static final String PUNCTUATION = " -_.,:!?";
  private static final String METACHARACTERS = "'\"`<>&;/\\%#$@*()[]{}=+|~^\t\n";
  private static final String NON_ASCII = "éüßñçøÅΩλ中文日本한";
  private static final String NON_BMP = "😀🎉👍💩𝕏🚀";

  /** Code points, simplest first. */
  public static final int[] CODE_POINTS =
      (LOWER + UPPER + DIGITS + PUNCTUATION + METACHARACTERS + NON_ASCII + NON_BMP)
          .codePoints()
          .toArray();

  private static final int ASCII_END =
      (LOWER + UPPER + DIGITS + PUNCTUATION).length();
  private static final int META_END = ASCII_END + METACHARACTERS.length();
  private static final int NON_ASCII_END = META_END + NON_ASCII.codePointCount(0, NON_ASCII.length());

  /** Mostly lower-case letters, with the breaking kinds of character over-weighted. */
  public static final Distribution CHARACTER_SPREAD =
      (bound, random) -> {
        double r = random.nextDouble();
        int from;
        int to;
        if (r < 0.60) {
          from = 0;
          to = LOWER.length();
        } else if (r < 0.75) {
          from = 0;
          to = ASCII_END;
        } else if (r < 0.87) {
          from = ASCII_END;
          to = META_END;
        } else if (r < 0.95) {
          from = META_END;
          to = NON_ASCII_END;
        } else {
          from = NON_ASCII_END;
          to = CODE_POINTS.length;
        }
        to = Math.min(to, bound);
        from = Math.min(from, to - 1);
        return from + random.nextInt(to - from);
      };

  private Alphabet() {}

  /**
   * Strings that break real services, simplest first, kept to those whose length (in code points)
   * lies in {@code [min, max]}. A string of exactly {@code max} code points stands in for "very
   * long".
   */
  public static List<String> hostile(int min, int max) {
    List<String> all =
        List.of(
            "",
            " ",
            "   ",
            "0",
            "-1",
            "null",
            "\t\n",
            "'",
            "\"",
            "\\",
            "%s%n",
            "' OR '1'='1",
            "'; DROP TABLE users; --",
            "<script>alert(1)</script>",
            "&amp;&lt;&#0;",
            // One character first: a bug that needs any non-ASCII text shrinks to it.
            "é",
            "Ωmega ñandú",
            "日本語のテキスト",
            "😀",
            "👍🏽🎉💩",
            "\u202Eevil",
            "\u0000");
    List<String> kept = new ArrayList<>();
    for (String s : all) {
      int length = s.codePointCount(0, s.length());
      if (length >= min && length <= max) {
        kept.add(s);
      }
    }
    if (max >= 2 && max <= 100_000) {
      kept.add("x".repeat(max));
    }
    return kept;
  }
}
