package dev.tollgate.internal.shrink;

import dev.tollgate.internal.program.Program;
import java.util.Arrays;

/**
 * The passes that only parallel programs have: dropping a whole branch, and moving a branch's
 * first step to the end of the prefix, so that only the steps that must run at once stay in the
 * branches. Deleting steps of the prefix and of the branches is the step passes' job.
 */
final class ParallelPasses {
  private ParallelPasses() {}

  static boolean run(Search<?, ?> search) {
    if (!search.best.isParallel()) {
      return false;
    }
    boolean progress = dropBranches(search);
    return moveIntoPrefix(search) || progress;
  }

  /** Each branch after the second, gone with its steps (the branch count lowered by one). */
  private static boolean dropBranches(Search<?, ?> search) {
    boolean progress = false;
    for (int b = search.best.branches().size() - 1; b >= 0 && !search.outOfBudget; b--) {
      Program.Layout layout = search.best.layout();
      int[] choices = search.best.choices();
      if (b >= layout.branchSpans().size() || choices[layout.countAt()] == 0) {
        continue;
      }
      int[] span = layout.branchSpans().get(b);
      int[] fewer = Edits.without(choices, span[0], span[1]);
      fewer[layout.countAt()]--;
      progress |= search.tryChoices(fewer);
    }
    return progress;
  }

  /** Each branch's first step, moved to the end of the prefix. */
  private static boolean moveIntoPrefix(Search<?, ?> search) {
    boolean progress = false;
    for (int b = 0; b < search.best.branches().size() && !search.outOfBudget; b++) {
      Program<?, ?> best = search.best;
      if (best.branches().get(b).isEmpty()) {
        continue;
      }
      int first = best.branches().get(b).get(0).step();
      int[] span = best.stepSpans().get(first);
      int[] choices = best.choices();
      int[] step = Arrays.copyOfRange(choices, span[0], span[1]);
      int[] without = Edits.without(choices, span[0], span[1]);
      // A branch's first step always goes on; in the prefix the same first choice says "one more".
      int at = best.layout().prefixEnd();
      int[] moved = new int[choices.length];
      System.arraycopy(without, 0, moved, 0, at);
      System.arraycopy(step, 0, moved, at, step.length);
      System.arraycopy(without, at, moved, at + step.length, without.length - at);
      if (search.tryChoices(moved)) {
        progress = true;
        b--;
      }
    }
    return progress;
  }

}
