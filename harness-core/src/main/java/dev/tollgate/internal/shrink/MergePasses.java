package dev.tollgate.internal.shrink;

import dev.tollgate.internal.program.ChoiceRecorder;
import dev.tollgate.internal.program.Program;
import dev.tollgate.internal.program.Span;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Merges two steps of one command whose arguments hold a list: the elements of the later step's
 * list move to the end of the earlier step's list, and the later step goes, in one candidate.
 * Eleven single-note batches that only fail together become three batches of up to five;
 * deleting a step alone, or growing a list alone, never gets there (Hypothesis moves content
 * between choices the same way, so a local minimum of separate parts becomes one).
 *
 * <p>A list's elements are sibling spans, each opening with its "one more?" choice (see {@code
 * ListGen}); the last sibling is the one-choice "no more" span unless the list is full. Runs at
 * the same depth in the two steps are tried in pairs. A candidate is generated again before it
 * runs, and runs only if the earlier list took every moved element: a full list (at its maximum
 * size), or a run that is no list (the parts of a combined argument), takes fewer.
 */
final class MergePasses {
  /** How many later steps of the same command each step tries to take in. */
  private static final int REACH = 4;

  private MergePasses() {}

  static boolean mergeLists(Search<?, ?> search) {
    boolean progress = false;
    for (int a = 0; a < search.best.size() && !search.outOfBudget; a++) {
      int tried = 0;
      for (int b = a + 1; b < search.best.size() && tried < REACH && !search.outOfBudget; b++) {
        if (b == search.failedStep() || !sameCommand(search.best, a, b)) {
          continue;
        }
        tried++;
        if (merge(search, a, b)) {
          progress = true;
          tried = 0;
          b = a; // the grown list may take in the next one too
        }
      }
    }
    return progress;
  }

  private static boolean sameCommand(Program<?, ?> program, int a, int b) {
    return program.steps().get(a).command().name().equals(program.steps().get(b).command().name());
  }

  private static boolean merge(Search<?, ?> search, int a, int b) {
    Program<?, ?> best = search.best;
    List<Span> spans = best.spans();
    List<List<Span>> into = runs(best, a);
    List<List<Span>> from = runs(best, b);
    for (List<Span> target : into) {
      for (List<Span> source : from) {
        if (search.outOfBudget) {
          return false;
        }
        if (depth(spans, target.get(0)) != depth(spans, source.get(0))) {
          continue;
        }
        int[] moved = elements(best.choices(), source);
        if (moved.length == 0) {
          continue;
        }
        int expected =
            elementCount(best.choices(), target) + elementCount(best.choices(), source);
        int at = insertionPoint(best.choices(), target);
        int[] stepB = best.stepSpans().get(b);
        int[] candidate = Edits.without(best.choices(), stepB[0], stepB[1]);
        candidate = Edits.replace(candidate, at, at, moved);
        if (holds(search, candidate, target.get(0), expected) && search.tryChoices(candidate)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether {@code candidate} makes one step fewer and the run that starts where {@code first}
   * does (the choices before it are unchanged, so it is there again) now has {@code expected}
   * elements: a list that is full, or a run that is no list, takes fewer.
   */
  private static boolean holds(Search<?, ?> search, int[] candidate, Span first, int expected) {
    Program<?, ?> program = search.regenerate(candidate);
    if (program == null || program.size() != search.best.size() - 1) {
      return false;
    }
    for (List<Span> run : Edits.siblingRuns(program.spans())) {
      if (run.get(0).equals(first)
          || run.get(0).start() == first.start() && run.get(0).parent() == first.parent()) {
        return elementCount(program.choices(), run) == expected;
      }
    }
    return false;
  }

  /**
   * The runs of sibling spans inside step {@code index}'s argument, in order: the elements of
   * its lists, the parts of a combined argument, the characters of its strings. Which are lists
   * is not recorded; a candidate that reads them otherwise is not run (see {@link #holds}).
   */
  private static List<List<Span>> runs(Program<?, ?> program, int index) {
    List<Span> spans = program.spans();
    int[] step = program.stepSpans().get(index);
    List<List<Span>> inStep = new ArrayList<>();
    for (List<Span> run : Edits.siblingRuns(spans)) {
      Span first = run.get(0);
      if (first.start() >= step[0] && first.end() <= step[1] && inArgument(spans, first)) {
        inStep.add(run);
      }
    }
    return inStep;
  }

  /** How many spans enclose {@code span}. */
  private static int depth(List<Span> spans, Span span) {
    int depth = 0;
    for (int p = span.parent(); p >= 0; p = spans.get(p).parent()) {
      depth++;
    }
    return depth;
  }

  /** Whether the span sits inside an argument (not in a step's own bookkeeping). */
  private static boolean inArgument(List<Span> spans, Span span) {
    for (int p = span.parent(); p >= 0; p = spans.get(p).parent()) {
      if (spans.get(p).kind() == ChoiceRecorder.ARGUMENT) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code span} is the one-choice "no more" span that ends a list. */
  private static boolean isEnd(int[] choices, Span span) {
    return span.length() == 1 && choices[span.start()] == 0;
  }

  private static int elementCount(int[] choices, List<Span> run) {
    int n = run.size();
    return isEnd(choices, run.get(n - 1)) ? n - 1 : n;
  }

  /** Where a moved element goes: before the list's "no more" span, else after its last element. */
  private static int insertionPoint(int[] choices, List<Span> run) {
    Span last = run.get(run.size() - 1);
    return isEnd(choices, last) ? last.start() : last.end();
  }

  /**
   * The choices of the run's elements, each with its "one more?" choice set to 1 ("another"; a
   * list below its minimum size reads it as its one placeholder value).
   */
  private static int[] elements(int[] choices, List<Span> run) {
    int count = elementCount(choices, run);
    if (count == 0) {
      return new int[0];
    }
    int[] out = Arrays.copyOfRange(choices, run.get(0).start(), run.get(count - 1).end());
    for (int k = 0; k < count; k++) {
      out[run.get(k).start() - run.get(0).start()] = 1;
    }
    return out;
  }
}
