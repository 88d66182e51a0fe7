package dev.tollgate.internal.shrink;

import dev.tollgate.internal.program.Step;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The passes that delete or reorder whole steps. */
final class StepPasses {
  private StepPasses() {}

  /**
   * Deletes, at once, every step of one command, or of one user: the steps that do not matter are
   * often of a kind, and one run can then drop many of them.
   */
  static boolean deleteKinds(Search<?, ?> search) {
    boolean progress = false;
    Set<String> kinds = new LinkedHashSet<>();
    for (Step<?, ?> step : search.best.steps()) {
      kinds.add("c:" + step.command().name());
      kinds.add("u:" + step.user().index());
    }
    for (String kind : kinds) {
      if (search.outOfBudget) {
        break;
      }
      List<int[]> spans = search.best.stepSpans();
      int[] choices = search.best.choices();
      int[] keep = new int[choices.length];
      int kept = 0;
      int next = 0;
      boolean any = false;
      for (int i = 0; i < search.best.size(); i++) {
        Step<?, ?> step = search.best.steps().get(i);
        boolean drop = kind.equals("c:" + step.command().name())
            || kind.equals("u:" + step.user().index());
        if (drop && i != search.failedStep()) {
          any = true;
          System.arraycopy(choices, next, keep, kept, spans.get(i)[0] - next);
          kept += spans.get(i)[0] - next;
          next = spans.get(i)[1];
        }
      }
      if (any) {
        System.arraycopy(choices, next, keep, kept, choices.length - next);
        kept += choices.length - next;
        progress |= search.tryChoices(Arrays.copyOf(keep, kept));
      }
    }
    return progress;
  }

  /** Deletes runs of {@code chunk} consecutive steps, for each chunk size given. */
  static boolean deleteRuns(Search<?, ?> search, int... chunks) {
    boolean progress = false;
    for (int chunk : chunks) {
      int i = 0;
      while (!search.outOfBudget && i + chunk <= search.best.size()) {
        List<int[]> spans = search.best.stepSpans();
        int from = spans.get(i)[0];
        int to = spans.get(i + chunk - 1)[1];
        if (search.tryChoices(Edits.without(search.best.choices(), from, to))) {
          progress = true;
        } else {
          i++;
        }
      }
    }
    return progress;
  }

  /**
   * Deletes two adjacent steps at once: a step that opens something and the step that closes it
   * often fail alone and pass as a pair. (Any two steps, not only neighbours, cost a run per pair
   * where nothing can go: 70 more runs for a 13-step minimum.)
   */
  static boolean deletePairs(Search<?, ?> search) {
    return deleteRuns(search, 2);
  }

  /**
   * Puts steps into a canonical order, simpler steps (smaller choices) first: all of them at
   * once, else by swapping neighbours. Two programs that differ only in order shrink to one.
   */
  static boolean sort(Search<?, ?> search) {
    if (search.best.size() < 2) {
      return false;
    }
    List<int[]> sorted = stepContents(search);
    List<int[]> original = new ArrayList<>(sorted);
    sorted.sort(Arrays::compare);
    if (!sorted.equals(original) && search.tryChoices(withSteps(search, sorted))) {
      return true;
    }
    boolean progress = false;
    for (int i = 0; !search.outOfBudget && i + 1 < search.best.size(); i++) {
      List<int[]> steps = stepContents(search);
      if (Arrays.compare(steps.get(i + 1), steps.get(i)) < 0) {
        int[] first = steps.get(i);
        steps.set(i, steps.get(i + 1));
        steps.set(i + 1, first);
        progress |= search.tryChoices(withSteps(search, steps));
      }
    }
    return progress;
  }

  private static List<int[]> stepContents(Search<?, ?> search) {
    int[] choices = search.best.choices();
    List<int[]> out = new ArrayList<>();
    for (int[] span : search.best.stepSpans().subList(0, search.best.size())) {
      out.add(Arrays.copyOfRange(choices, span[0], span[1]));
    }
    return out;
  }

  /** The best program's choices with its steps' choices replaced by {@code steps}, in order. */
  private static int[] withSteps(Search<?, ?> search, List<int[]> steps) {
    int[] choices = search.best.choices();
    List<int[]> spans = search.best.stepSpans();
    int from = spans.get(0)[0];
    int to = spans.get(search.best.size() - 1)[1];
    int[] joined = new int[to - from];
    int at = 0;
    for (int[] step : steps) {
      System.arraycopy(step, 0, joined, at, step.length);
      at += step.length;
    }
    return Edits.replace(choices, from, to, joined);
  }
}
