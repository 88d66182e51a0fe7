package dev.tollgate.gen;

import dev.tollgate.TollgateConfigurationException;
import dev.tollgate.internal.gen.Alphabet;
import java.util.List;

/**
 * Generates strings. Most are short and plain; the rest over-weight what breaks real services:
 * empty, whitespace only, the maximum length, quotes and SQL/HTML metacharacters, non-ASCII and
 * non-BMP (emoji). Values already generated in the same program are reused, so collisions occur.
 * Lengths count code points.
 */
public final class StringGen implements Gen<String> {
  static final StringGen DEFAULT = new StringGen(0, 1000, null);
  private static final Object POOL = StringGen.class;
  private static final Distribution KIND = Distribution.weighted(60, 25, 15);
  private static final Distribution KIND_FRESH_ONLY = Distribution.weighted(60, 0, 15);
  private static final int FRESH = 0;
  private static final int REUSED = 1;
  /** Chance of one more character, by length class: mostly short strings, some long ones. */
  private static final double[] LENGTHS = {0.7, 0.9, 0.98};
  private static final Distribution LENGTH_SPREAD = Distribution.weighted(60, 30, 10);

  private final int minLength;
  private final int maxLength;
  private final List<String> hostile;
  /** The code points to draw from, simplest first; null for the default alphabet. */
  private final int[] alphabet;

  private StringGen(int minLength, int maxLength, int[] alphabet) {
    this.minLength = minLength;
    this.maxLength = maxLength;
    this.alphabet = alphabet;
    List<String> all = Alphabet.hostile(minLength, maxLength);
    this.hostile = alphabet == null ? all : all.stream().filter(this::inAlphabet).toList();
  }

  private boolean inAlphabet(String text) {
    return text.codePoints().allMatch(cp -> java.util.Arrays.stream(alphabet).anyMatch(a -> a == cp));
  }

  /** Strings of {@code min} to {@code max} code points. */
  public StringGen ofLength(int min, int max) {
    if (min < 0 || min > max) {
      throw new TollgateConfigurationException(
          "Gen.strings().ofLength(" + min + ", " + max + "): expected 0 <= min <= max.");
    }
    return new StringGen(min, max, alphabet);
  }

  /**
   * Strings of only these characters (code points, so emoji count as one), such as {@code
   * withAlphabet("0123456789")} for digits or {@code withAlphabet("abc")} to force collisions.
   * Shrinking moves towards the first character. Hostile values stay only where they are made of
   * these characters (the empty string, say); for arbitrary hostile text use the default.
   */
  public StringGen withAlphabet(String characters) {
    int[] points = characters == null ? new int[0] : characters.codePoints().distinct().toArray();
    if (points.length == 0) {
      throw new TollgateConfigurationException("Gen.strings().withAlphabet(" + (characters == null ? "null" : "\"\"")
          + "): expected at least one character to build strings from, e.g. withAlphabet(\"abc\").");
    }
    return new StringGen(minLength, maxLength, points);
  }

  /** Never a hostile value: only plain generated ones (and reuses). */
  public Gen<String> plain() {
    return choices -> fresh(choices);
  }

  @Override
  public String generate(Choices choices) {
    // The layout of choices is the same whatever the pool holds, so that deleting an earlier
    // step never shifts the choices of this string: a reuse with nothing to reuse gives the
    // simplest string instead.
    List<Object> seen = choices.pool(POOL);
    int kind = choices.choose(hostile.isEmpty() ? 2 : 3, seen.isEmpty() ? KIND_FRESH_ONLY : KIND);
    if (kind == REUSED) {
      int pick = choices.choose(Math.max(1, seen.size()));
      if (pick < seen.size()) {
        String reused = (String) seen.get(pick);
        int length = reused.codePointCount(0, reused.length());
        if (length >= minLength && length <= maxLength) {
          return reused;
        }
      }
      return "a".repeat(minLength);
    }
    String value = kind > REUSED ? hostile.get(choices.choose(hostile.size())) : fresh(choices);
    seen.add(value);
    return value;
  }

  private String fresh(Choices choices) {
    // Each character past the minimum is a span [one more?, character], so shrinking can delete
    // characters one at a time without shifting the choices that follow the string.
    double keepGoing = LENGTHS[choices.choose(LENGTHS.length, LENGTH_SPREAD)];
    Distribution more = Distribution.bernoulli(keepGoing);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < maxLength; i++) {
      boolean required = i < minLength;
      if (!required) {
        choices.beginSpan();
        if (choices.choose(2, more) == 0) {
          choices.endSpan();
          break;
        }
      }
      out.appendCodePoint(alphabet != null ? alphabet[choices.choose(alphabet.length)]
          : Alphabet.CODE_POINTS[choices.choose(Alphabet.CODE_POINTS.length, Alphabet.CHARACTER_SPREAD)]);
      if (!required) {
        choices.endSpan();
      }
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return "Gen.strings().ofLength(" + minLength + ", " + maxLength + ")"
        + (alphabet == null ? "" : ".withAlphabet(\"" + new String(alphabet, 0, alphabet.length) + "\")");
  }
}
