package dev.tollgate.internal.program;

import dev.tollgate.gen.Choices;
import dev.tollgate.gen.Distribution;
import dev.tollgate.internal.gen.Unsatisfied;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Records every choice a generation makes, and the spans that group them. It replays a given
 * prefix of choices first; past it, it draws at random (fresh generation) or takes zeros, the
 * simplest choices (shrinking).
 */
public final class ChoiceRecorder implements Choices {
  /** A span that holds one whole step of a program. */
  public static final int STEP = 1;
  /** A span that holds one command argument. */
  public static final int ARGUMENT = 2;
  /** Any other span a generator opens. */
  public static final int OTHER = 0;

  private static final int MAX_CHOICES = 1_000_000;

  private final int[] prefix;
  private final SplittableRandom random;
  private int[] values = new int[64];
  private int size;
  private int[] spanStart = new int[16];
  private int[] spanEnd = new int[16];
  private int[] spanKind = new int[16];
  private int[] spanParent = new int[16];
  private int spans;
  private int[] open = new int[8];
  private int depth;
  private Map<Object, List<Object>> pools;
  /** Values the next fresh draws prefer (see {@link #prefer}); null for none. */
  private int[] preferred;
  private int preferredFrom;

  private ChoiceRecorder(int[] prefix, SplittableRandom random) {
    this.prefix = prefix;
    this.random = random;
  }

  /** Fresh generation: every choice drawn at random. */
  public static ChoiceRecorder random(long seed) {
    return new ChoiceRecorder(new int[0], new SplittableRandom(seed));
  }

  /** Replays {@code prefix}; past its end every choice is drawn at random (a search extending a program). */
  public static ChoiceRecorder extend(int[] prefix, long seed) {
    return new ChoiceRecorder(prefix, new SplittableRandom(seed));
  }

  /** Replays {@code choices}; past their end every choice is 0. */
  public static ChoiceRecorder replay(int[] choices) {
    return new ChoiceRecorder(choices, null);
  }

  @Override
  public int choose(int bound, Distribution distribution) {
    if (bound <= 0) {
      throw new IllegalArgumentException("a choice needs a positive bound, found " + bound);
    }
    if (size == MAX_CHOICES) {
      throw new Unsatisfied("generation made more than " + MAX_CHOICES + " choices");
    }
    int value;
    if (size < prefix.length) {
      value = Math.max(0, Math.min(prefix[size], bound - 1));
    } else if (random != null && preferred != null && size - preferredFrom < preferred.length
        && preferred[size - preferredFrom] < bound) {
      value = preferred[size - preferredFrom];
    } else if (random != null) {
      value = distribution.draw(bound, random);
      if (value < 0 || value >= bound) {
        throw new IllegalStateException(
            "distribution drew " + value + " outside [0, " + bound + ")");
      }
    } else {
      value = 0;
    }
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = value;
    return value;
  }

  @Override
  public void beginSpan() {
    beginSpan(OTHER);
  }

  public void beginSpan(int kind) {
    if (spans == spanStart.length) {
      int grown = spans * 2;
      spanStart = Arrays.copyOf(spanStart, grown);
      spanEnd = Arrays.copyOf(spanEnd, grown);
      spanKind = Arrays.copyOf(spanKind, grown);
      spanParent = Arrays.copyOf(spanParent, grown);
    }
    spanParent[spans] = depth == 0 ? -1 : open[depth - 1];
    spanStart[spans] = size;
    spanEnd[spans] = -1;
    spanKind[spans] = kind;
    if (depth == open.length) {
      open = Arrays.copyOf(open, depth * 2);
    }
    open[depth++] = spans++;
  }

  @Override
  public void endSpan() {
    if (depth == 0) {
      throw new IllegalStateException("endSpan() without a matching beginSpan()");
    }
    spanEnd[open[--depth]] = size;
  }

  @Override
  public List<Object> pool(Object kind) {
    if (pools == null) {
      pools = new HashMap<>();
    }
    return pools.computeIfAbsent(kind, k -> new ArrayList<>());
  }

  /**
   * The next fresh random draws take {@code values}, one each in order, where each is within its
   * draw's bound ({@code null}: none). Only what is drawn at random changes: a replayed choice is
   * the recorded one and a zero-filled one stays zero, so a program is still a function of the
   * choices it recorded.
   */
  public void prefer(int[] values) {
    this.preferred = values;
    this.preferredFrom = size;
  }

  /** The choices from {@code from} to {@code to}, as recorded. */
  public int[] choices(int from, int to) {
    return Arrays.copyOfRange(values, from, to);
  }

  /** How many choices have been made so far; the index the next one gets. */
  public int position() {
    return size;
  }

  /**
   * Replaces the choice at {@code index} with the value it resolved to (a recorded command that
   * was not enabled resolves to the next enabled one), so that recorded programs are canonical.
   */
  public void resolve(int index, int value) {
    values[index] = value;
  }

  /** The choices made so far. */
  public int[] choices() {
    return Arrays.copyOf(values, size);
  }

  /**
   * Every closed span, in order of opening, with the index of the span that encloses it, so that
   * shrinking can find a span's siblings and descendants.
   */
  public List<Span> allSpans() {
    List<Span> out = new ArrayList<>(spans);
    for (int i = 0; i < spans; i++) {
      out.add(new Span(spanStart[i], spanEnd[i] < 0 ? size : spanEnd[i], spanKind[i],
          spanParent[i]));
    }
    return out;
  }

  /** The closed spans of {@code kind}, as {@code [start, end)} pairs, in order of opening. */
  public List<int[]> spans(int kind) {
    List<int[]> out = new ArrayList<>();
    for (int i = 0; i < spans; i++) {
      if (spanKind[i] == kind && spanEnd[i] > spanStart[i]) {
        out.add(new int[] {spanStart[i], spanEnd[i]});
      }
    }
    return out;
  }
}
