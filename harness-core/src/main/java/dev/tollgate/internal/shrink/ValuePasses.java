package dev.tollgate.internal.shrink;

import dev.tollgate.internal.program.ChoiceRecorder;
import dev.tollgate.internal.program.Span;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The passes that make arguments simpler: fewer characters and elements, smaller choices. */
final class ValuePasses {
  /** How many later choices an earlier one may hand its value to. */
  private static final int REDISTRIBUTE_REACH = 4;
  /** How many descendants of a dependent span are tried in its place. */
  private static final int MAX_DESCENDANTS = 8;

  private ValuePasses() {}

  /**
   * Makes each argument as simple as it goes: its choices all zero. A simpler argument usually
   * takes fewer choices, so the leftover zeros are dropped before the candidate runs; otherwise
   * they would be read by the next step.
   */
  static boolean simplifyArguments(Search<?, ?> search) {
    boolean progress = false;
    for (int i = 0; i < search.best.argumentSpans().size() && !search.outOfBudget; i++) {
      int[] span = search.best.argumentSpans().get(i);
      int[] choices = search.best.choices();
      boolean allZero = true;
      for (int k = span[0]; k < span[1]; k++) {
        allZero &= choices[k] == 0;
      }
      if (!allZero) {
        progress |= search.tryChoices(
            Edits.fit(search, choices, span[0], span[1], new int[span[1] - span[0]]));
      }
    }
    return progress;
  }

  /**
   * Deletes half of a run of characters or elements, then quarters, down to two at a time. A
   * long title goes in a few runs, and a bug that needs an even length still shrinks.
   */
  static boolean halve(Search<?, ?> search) {
    boolean progress = false;
    boolean again = true;
    while (again && !search.outOfBudget) {
      again = false;
      for (List<Span> run : Edits.siblingRuns(search.best.spans())) {
        int n = run.size();
        for (int k = Integer.highestOneBit(Math.max(1, n / 2)); k >= 2 && !again; k /= 2) {
          for (int at = n - k; at >= 0 && !again && !search.outOfBudget; at -= k) {
            again = search.tryChoices(Edits.without(
                search.best.choices(), run.get(at).start(), run.get(at + k - 1).end()));
          }
        }
        if (again) {
          progress = true;
          break;
        }
      }
    }
    return progress;
  }

  /**
   * Deletes the spans inside arguments (a list's elements, a string's characters), adaptively:
   * after a deletion works, twice as many neighbours are tried at once, and half as many after
   * one fails. A 150-character title whose bug needs one of them costs about 30 runs, not 150.
   */
  static boolean deleteSpans(Search<?, ?> search) {
    boolean progress = false;
    int i = 0;
    int chunk = 1;
    while (!search.outOfBudget && i < search.best.otherSpans().size()) {
      int[] run = adjacentRun(search.best.otherSpans(), i, chunk);
      if (run != null && search.tryChoices(Edits.without(search.best.choices(), run[0], run[1]))) {
        progress = true;
        chunk *= 2;
      } else if (chunk > 1) {
        chunk /= 2;
      } else {
        i++;
      }
    }
    return progress;
  }

  private static int[] adjacentRun(List<int[]> spans, int first, int count) {
    if (first + count > spans.size()) {
      return null;
    }
    for (int k = first + 1; k < first + count; k++) {
      if (spans.get(k)[0] != spans.get(k - 1)[1]) {
        return null;
      }
    }
    return new int[] {spans.get(first)[0], spans.get(first + count - 1)[1]};
  }

  /**
   * Lowers a choice together with the span that depends on it: a frequency or oneOf branch and
   * the value drawn in it, the first half of a flatMap and the rest, or (with {@code commands})
   * a step's command and its argument. The span is made simplest, or replaced by one of its own
   * parts: dropping an optional part keeps the part that follows it.
   */
  static boolean lowerWithDependents(Search<?, ?> search, boolean commands) {
    boolean progress = false;
    for (int i = 0; i < search.best.choices().length && !search.outOfBudget; i++) {
      int[] choices = search.best.choices();
      int value = choices[i];
      if (value == 0) {
        continue;
      }
      List<Span> spans = search.best.spans();
      int dependent = dependentSpan(spans, i, commands);
      if (dependent < 0) {
        continue;
      }
      Span span = spans.get(dependent);
      List<int[]> contents = new ArrayList<>();
      contents.add(new int[span.length()]);
      // A step's command is only swapped for a simpler one with the simplest argument: one run
      // per step. A generator's branch also tries keeping one of its parts.
      List<Span> parts = span.kind() == ChoiceRecorder.ARGUMENT
          ? List.of() : Edits.descendants(spans, dependent);
      for (int d = 0; d < parts.size() && d < MAX_DESCENDANTS; d++) {
        contents.add(Arrays.copyOfRange(choices, parts.get(d).start(), parts.get(d).end()));
      }
      boolean done = false;
      boolean step = span.kind() == ChoiceRecorder.ARGUMENT;
      for (int target : value > 1 && !step ? new int[] {0, value - 1} : new int[] {0}) {
        for (int[] content : contents) {
          if (done || search.outOfBudget) {
            break;
          }
          int[] lowered = choices.clone();
          lowered[i] = target;
          done = search.tryChoices(Edits.fit(search, lowered, span.start(), span.end(), content));
        }
      }
      progress |= done;
    }
    return progress;
  }

  /**
   * The outermost non-empty span right after choice {@code index}, or -1: at {@code index + 1}
   * for a generator's branch, or the argument two choices after a step's command (the user's
   * choice is in between).
   */
  private static int dependentSpan(List<Span> spans, int index, boolean commands) {
    for (int i = 0; i < spans.size(); i++) {
      Span span = spans.get(i);
      boolean branch = span.kind() == ChoiceRecorder.OTHER && span.start() == index + 1;
      boolean argument = commands && span.kind() == ChoiceRecorder.ARGUMENT
          && span.start() == index + 2;
      if ((branch || argument) && span.length() > 0) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Lowers equal values together: every argument choice of one value at once, and equal
   * arguments made simplest at once. A name drawn twice, registered and then followed, only
   * fails while both stay equal.
   */
  static boolean duplicates(Search<?, ?> search) {
    boolean progress = false;
    int[] choices = search.best.choices();
    boolean[] inArguments = Edits.inArguments(search.best);
    Map<Integer, List<Integer>> byValue = new LinkedHashMap<>();
    for (int i = 0; i < choices.length; i++) {
      if (inArguments[i] && choices[i] > 0) {
        byValue.computeIfAbsent(choices[i], v -> new ArrayList<>()).add(i);
      }
    }
    for (Map.Entry<Integer, List<Integer>> group : byValue.entrySet()) {
      if (group.getValue().size() < 2 || search.outOfBudget) {
        continue;
      }
      int[] at = group.getValue().stream().mapToInt(Integer::intValue).toArray();
      if (lowerAll(search, at, group.getKey())) {
        progress = true;
        choices = search.best.choices();
      }
    }
    Map<String, List<int[]>> byContent = new LinkedHashMap<>();
    for (int[] span : search.best.argumentSpans()) {
      int[] content = Arrays.copyOfRange(choices, span[0], span[1]);
      if (Arrays.stream(content).anyMatch(c -> c != 0)) {
        byContent.computeIfAbsent(Arrays.toString(content), k -> new ArrayList<>()).add(span);
      }
    }
    for (List<int[]> same : byContent.values()) {
      if (same.size() < 2 || search.outOfBudget) {
        continue;
      }
      int[] candidate = choices;
      for (int k = same.size() - 1; k >= 0; k--) {
        int[] span = same.get(k);
        candidate = Edits.fit(search, candidate, span[0], span[1], new int[span[1] - span[0]]);
      }
      if (search.tryChoices(candidate)) {
        return true;
      }
    }
    return progress;
  }

  /** Sets every choice at {@code at} (all now {@code value}) to 0, else the smallest that fails. */
  private static boolean lowerAll(Search<?, ?> search, int[] at, int value) {
    if (search.tryChoices(setAll(search.best.choices(), at, 0))) {
      return true;
    }
    int low = 0;
    int high = value;
    boolean progress = false;
    while (high - low > 1 && !search.outOfBudget) {
      int mid = (low + high) >>> 1;
      int[] candidate = search.best.choices();
      if (at[at.length - 1] < candidate.length
          && search.tryChoices(setAll(candidate, at, mid))) {
        high = mid;
        progress = true;
      } else {
        low = mid;
      }
    }
    return progress;
  }

  private static int[] setAll(int[] choices, int[] at, int value) {
    for (int i : at) {
      if (i < choices.length) {
        choices[i] = value;
      }
    }
    return choices;
  }

  /**
   * Moves value from an argument choice to one of the next few: {@code (6, 7)} becomes {@code
   * (0, 13)} when only their sum matters. Lowering either alone would stop at {@code (3, 7)}.
   */
  static boolean redistribute(Search<?, ?> search) {
    boolean progress = false;
    for (int i = 0; i < search.best.choices().length && !search.outOfBudget; i++) {
      boolean[] inArguments = Edits.inArguments(search.best);
      int reached = 0;
      for (int j = i + 1; j < inArguments.length && reached < REDISTRIBUTE_REACH
          && !search.outOfBudget; j++) {
        int[] choices = search.best.choices();
        if (!inArguments[i] || !inArguments[j] || choices[i] == 0) {
          break;
        }
        reached++;
        progress |= move(search, i, j);
      }
    }
    return progress;
  }

  /** Moves as much as still fails from choice {@code i} to choice {@code j}. */
  private static boolean move(Search<?, ?> search, int i, int j) {
    int[] choices = search.best.choices();
    int amount = choices[i];
    if (search.tryChoices(shifted(choices, i, j, amount))) {
      return true;
    }
    int low = 0;
    int high = amount;
    boolean progress = false;
    while (high - low > 1 && !search.outOfBudget) {
      int mid = (low + high) >>> 1;
      choices = search.best.choices();
      if (j < choices.length && choices[i] >= mid
          && search.tryChoices(shifted(choices, i, j, mid))) {
        progress = true;
        break;
      }
      high = mid;
    }
    return progress;
  }

  private static int[] shifted(int[] choices, int i, int j, int amount) {
    int[] out = choices.clone();
    out[i] -= amount;
    out[j] = (int) Math.min(Integer.MAX_VALUE, (long) out[j] + amount);
    return out;
  }

  /** Each choice alone: zero, else a binary search for the smallest value that still fails. */
  static boolean lower(Search<?, ?> search) {
    boolean progress = false;
    for (int i = 0; i < search.best.choices().length && !search.outOfBudget; i++) {
      int value = search.best.choices()[i];
      if (value == 0) {
        continue;
      }
      if (tryAt(search, i, 0)) {
        progress = true;
        continue;
      }
      int low = 0;
      int high = value;
      while (high - low > 1 && !search.outOfBudget && i < search.best.choices().length) {
        int mid = (low + high) >>> 1;
        if (tryAt(search, i, mid)) {
          high = mid;
          progress = true;
        } else {
          low = mid;
        }
      }
    }
    return progress;
  }

  private static boolean tryAt(Search<?, ?> search, int index, int value) {
    int[] choices = search.best.choices();
    if (index >= choices.length) {
      return false;
    }
    choices[index] = value;
    return search.tryChoices(choices);
  }
}
