package dev.tollgate.internal.shrink;

import dev.tollgate.internal.program.ChoiceRecorder;
import dev.tollgate.internal.program.Program;
import dev.tollgate.internal.program.Span;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
  /** How many later steps of its command one step tries to gather into another's list. */
  private static final int GATHER = 8;
  /** How many of a step's gathers into one command may run and fail before it tries the next. */
  private static final int GATHER_RUNS = 2;

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

  /**
   * Gathers steps of one command into one step of another command whose argument holds a list of
   * what they take one at a time: eleven single creates become a batch of five, a batch of five
   * and one create. Step {@code a} becomes the other command, its argument's last part (the whole
   * argument if it has no parts) opens the list, the same part of the next steps of its command
   * follows as further elements, and those steps go, in one candidate. The most steps that fit
   * are tried first; a candidate runs only if it reads as meant (the step is the other command,
   * and its list holds every gathered value), so commands without such a list cost a
   * regeneration each, never a run. Sequential programs only.
   */
  static boolean gather(Search<?, ?> search) {
    if (search.best.isParallel()) {
      return false;
    }
    boolean progress = false;
    // From-command and to-command pairs whose one-step gather never read as a list.
    Set<Long> dead = new HashSet<>();
    for (int a = 0; a < search.best.size() && !search.outOfBudget; a++) {
      if (a == search.failedStep()) {
        continue;
      }
      List<Integer> same = laterOfCommand(search, a);
      int from = commandOf(search.best, a);
      for (int c = 0; c < search.commandCount() && !same.isEmpty() && !search.outOfBudget; c++) {
        long pair = (long) from * search.commandCount() + c;
        if (c == from || dead.contains(pair)) {
          continue;
        }
        int outcome = gatherInto(search, a, c, same);
        if (outcome < 0) {
          dead.add(pair);
        } else if (outcome > 0) {
          progress = true;
          break;
        }
      }
    }
    return progress;
  }

  /**
   * Gathers into step {@code a}, made command {@code c}, as many of {@code same} (later steps of
   * its command) as fit: 1 if it became the best, 0 if no candidate did, -1 if not even one
   * gathered step reads as a list of {@code c}.
   */
  private static int gatherInto(Search<?, ?> search, int a, int c, List<Integer> same) {
    if (gathered(search, a, c, same, 1) == null) {
      return -1;
    }
    int runs = 0;
    for (int k = Math.min(same.size(), GATHER); k >= 1 && runs < GATHER_RUNS; k--) {
      int[] candidate = gathered(search, a, c, same, k);
      if (candidate != null && !search.outOfBudget) {
        runs++;
        if (search.tryChoices(candidate)) {
          return 1;
        }
      }
    }
    return 0;
  }

  /**
   * The choices of step {@code a} made command {@code c} with the first {@code k} of {@code
   * same} gathered into its list, or null if neither reading (the list closed by its "no more"
   * choice, or full without one) holds.
   */
  private static int[] gathered(Search<?, ?> search, int a, int c, List<Integer> same, int k) {
    Program<?, ?> best = search.best;
    int[] choices = best.choices();
    int[] into = valueOf(best, a);
    List<Integer> elements = new ArrayList<>();
    for (int g = -1; g < k; g++) {
      int[] value = g < 0 ? into : valueOf(best, same.get(g));
      elements.add(1); // "one more"
      for (int i = value[1]; i < value[2]; i++) {
        elements.add(choices[i]);
      }
    }
    int[] rest = choices;
    for (int g = k - 1; g >= 0; g--) {
      int[] step = best.stepSpans().get(same.get(g));
      rest = Edits.without(rest, step[0], step[1]);
    }
    for (boolean closed : new boolean[] {true, false}) {
      int[] list = elements.stream().mapToInt(Integer::intValue).toArray();
      if (closed) {
        list = Arrays.copyOf(list, list.length + 1); // "no more"
      }
      int[] candidate = Edits.replace(rest, into[1], into[2], list);
      candidate[best.stepSpans().get(a)[0] + 1] = c;
      if (readsAsGathered(search, candidate, a, into[1], k + 1)) {
        return candidate;
      }
    }
    return null;
  }

  private static boolean readsAsGathered(
      Search<?, ?> search, int[] candidate, int a, int listStart, int expected) {
    Program<?, ?> program = search.regenerate(candidate);
    Program<?, ?> best = search.best;
    if (program == null || program.size() != best.size() - (expected - 1)
        || sameCommand(program, best, a)) {
      return false;
    }
    for (List<Span> run : runs(program, a)) {
      if (run.get(0).start() == listStart && run.size() >= expected
          && elementCount(program.choices(), run) == expected) {
        return true;
      }
    }
    return false;
  }

  /** The next steps after {@code a} of its command, up to {@value #GATHER}, not the failing one. */
  private static List<Integer> laterOfCommand(Search<?, ?> search, int a) {
    List<Integer> same = new ArrayList<>();
    for (int b = a + 1; b < search.best.size() && same.size() < GATHER; b++) {
      if (b != search.failedStep() && sameCommand(search.best, a, b)) {
        same.add(b);
      }
    }
    return same;
  }

  /** A step's command choice: the second of its step, after "another step". */
  private static int commandOf(Program<?, ?> program, int index) {
    return program.choices()[program.stepSpans().get(index)[0] + 1];
  }

  /**
   * Step {@code index}'s argument as {@code [start, valueStart, end)}: its value to gather is
   * its last part when the argument is made of parts (a combined value: the session, then the
   * title), else the whole argument.
   */
  private static int[] valueOf(Program<?, ?> program, int index) {
    List<Span> spans = program.spans();
    int[] step = program.stepSpans().get(index);
    for (int i = 0; i < spans.size(); i++) {
      Span argument = spans.get(i);
      if (argument.kind() != ChoiceRecorder.ARGUMENT || argument.start() < step[0]
          || argument.end() > step[1]) {
        continue;
      }
      int at = argument.start();
      Span last = null;
      for (int j = i + 1; j < spans.size() && at >= 0; j++) {
        Span child = spans.get(j);
        if (child.parent() == i && child.length() > 0) {
          at = child.start() == at ? child.end() : -1;
          last = child;
        }
      }
      int valueStart = last != null && at == argument.end() ? last.start() : argument.start();
      return new int[] {argument.start(), valueStart, argument.end()};
    }
    throw new IllegalStateException("step " + index + " has no argument span");
  }

  private static boolean sameCommand(Program<?, ?> one, Program<?, ?> other, int index) {
    return one.steps().get(index).command().name()
        .equals(other.steps().get(index).command().name());
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
