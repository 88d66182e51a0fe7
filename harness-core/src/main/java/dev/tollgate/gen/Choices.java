package dev.tollgate.gen;

import java.util.List;

/**
 * The source of every decision a generator makes.
 *
 * <p>Each call records one bounded integer. Replaying the same integers gives the same values, and
 * a smaller integer must always mean a simpler value: {@code 0} is the simplest choice. That is
 * what lets Tollgate shrink a failing program by editing its choices.
 */
public interface Choices {

  /** A value in {@code [0, bound)}, uniformly spread when drawn at random. */
  default int choose(int bound) {
    return choose(bound, Distribution.uniform());
  }

  /**
   * A value in {@code [0, bound)}; {@code distribution} only shapes fresh random draws, never a
   * replay.
   */
  int choose(int bound, Distribution distribution);

  /** Marks the start of a group of choices that together make one value (a list element, say). */
  void beginSpan();

  /** Ends the group begun by the matching {@link #beginSpan()}. */
  void endSpan();

  /**
   * The values of one kind already produced in this program, in order, so generators can reuse
   * them: collisions (the same name twice) find more bugs than fresh values.
   */
  List<Object> pool(Object kind);
}
