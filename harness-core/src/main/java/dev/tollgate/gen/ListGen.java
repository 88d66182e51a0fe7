package dev.tollgate.gen;

import dev.tollgate.TollgateConfigurationException;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates lists. Each element is its own span of choices, preceded by a "one more?" choice, so
 * shrinking can delete any element, the first ones too, down to the minimum size. Below the
 * minimum the "one more?" choice is a placeholder with one possible value: deleting an element
 * there makes the next one take its place.
 */
public final class ListGen<T> implements Gen<List<T>> {
  static final int DEFAULT_MAX = 50;

  private final Gen<T> element;
  private final int minSize;
  private final int maxSize;

  ListGen(Gen<T> element, int minSize, int maxSize) {
    this.element = element;
    this.minSize = minSize;
    this.maxSize = maxSize;
  }

  public ListGen<T> ofSize(int min, int max) {
    if (min < 0 || min > max) {
      throw new TollgateConfigurationException(
          "Gen.lists(..).ofSize(" + min + ", " + max + "): expected 0 <= min <= max.");
    }
    return new ListGen<>(element, min, max);
  }

  @Override
  public List<T> generate(Choices choices) {
    List<T> out = new ArrayList<>();
    Distribution more = Distribution.bernoulli(0.8);
    while (out.size() < maxSize) {
      choices.beginSpan();
      boolean another = out.size() < minSize
          ? choices.choose(1) == 0
          : choices.choose(2, more) == 1;
      if (another) {
        out.add(element.generate(choices));
      }
      choices.endSpan();
      if (!another) {
        break;
      }
    }
    return List.copyOf(out);
  }
}
