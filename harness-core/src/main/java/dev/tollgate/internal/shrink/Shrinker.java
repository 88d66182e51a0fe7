package dev.tollgate.internal.shrink;

import dev.tollgate.internal.program.Program;
import dev.tollgate.internal.program.ProgramGenerator;
import dev.tollgate.internal.runner.RunResult;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Shrinks a failing program by editing its choices, Hypothesis-style (its conjecture shrinker is
 * the anchor): the {@link Pass passes} delete steps, make arguments simpler, lower choices alone,
 * together with what depends on them, or together with their duplicates, move value between
 * choices, gather single steps into another command's list, merge two steps' lists into one
 * step and sort steps. Every candidate is generated
 * again through the model, so it is valid by construction, and it is kept only if it runs and
 * fails the same way (the same command and kind of check) and is simpler: fewer choices, or the
 * same number and smaller ones. So shrinking never returns a longer program.
 *
 * <p>Rounds repeat until one makes no progress. The cheap passes run to a fixed point first; the
 * costlier ones (reordering, rebalancing, swapping commands) run only when the cheap ones are
 * stuck. Time is the limit; the run cap counts only runs in a row that made no progress.
 */
public final class Shrinker<M, S> {
  private static final Pass[] CHEAP = {
    Pass.DELETE_KINDS, Pass.DELETE_STEP_RUNS, Pass.DELETE_PAIRS, Pass.DELETE_STEPS,
    Pass.PARALLEL, Pass.SIMPLIFY_ARGUMENTS, Pass.LOWER_WITH_DEPENDENTS, Pass.HALVE, Pass.DELETE_SPANS, Pass.LOWER
  };
  private static final Pass[] COSTLY = {
    Pass.GATHER, Pass.MERGE_LISTS, Pass.DUPLICATES, Pass.REDISTRIBUTE, Pass.SORT, Pass.LOWER_WITH_DEPENDENTS
  };

  private final Search<M, S> search;
  private final Set<Pass> passes;

  /**
   * @param maxStalledRuns how many runs in a row may fail to shrink before shrinking stops
   * @param candidates sees every candidate program that is run (tests use it to check that all
   *     of them are valid)
   */
  public Shrinker(
      ProgramGenerator<M, S> generator,
      Function<Program<M, S>, RunResult> runner,
      int maxStalledRuns,
      long budgetNanos,
      Consumer<Program<M, S>> candidates) {
    this(generator, runner, maxStalledRuns, budgetNanos, candidates, EnumSet.allOf(Pass.class));
  }

  /** With only {@code passes} switched on: tests show what each pass adds. */
  Shrinker(
      ProgramGenerator<M, S> generator,
      Function<Program<M, S>, RunResult> runner,
      int maxStalledRuns,
      long budgetNanos,
      Consumer<Program<M, S>> candidates,
      Set<Pass> passes) {
    this.search = new Search<>(generator, runner, maxStalledRuns,
        System.nanoTime() + budgetNanos, System::nanoTime, candidates);
    this.passes = EnumSet.copyOf(passes);
  }

  /**
   * Tells {@code improvements} of each new best program, with its run (null when it is known to
   * fail without one), as soon as it is found (the runner saves it, so a shrink that is killed
   * still leaves its best counterexample so far); returns this.
   */
  public Shrinker<M, S> onImprovement(BiConsumer<Program<M, S>, RunResult> improvements) {
    search.improvements = improvements;
    return this;
  }

  /**
   * What shrinking found: the smallest failing program, its run, the runs it cost and the steps
   * those runs took on the system, and whether the budget ran out first.
   */
  public record Result<M, S>(
      Program<M, S> program, RunResult result, int runs, long steps, boolean outOfBudget) {
    /** This shrink followed by {@code later}, which started from this one's program. */
    public Result<M, S> then(Result<M, S> later) {
      return new Result<>(later.program, later.result, runs + later.runs, steps + later.steps,
          later.outOfBudget);
    }
  }

  public Result<M, S> shrink(Program<M, S> failing, RunResult failed) {
    search.start(failing, failed);
    boolean costly = false;
    boolean progress = true;
    while (progress && !search.outOfBudget) {
      progress = false;
      for (Pass pass : costly ? COSTLY : CHEAP) {
        if (passes.contains(pass) && !search.outOfBudget) {
          progress |= run(pass, costly);
        }
      }
      if (!progress && !costly) {
        costly = true;
        progress = true;
      } else if (costly && progress) {
        costly = false;
      }
    }
    search.confirm();
    return new Result<>(search.best, search.bestResult, search.runs, search.steps,
        search.outOfBudget);
  }

  private boolean run(Pass pass, boolean costly) {
    return switch (pass) {
      case DELETE_KINDS -> StepPasses.deleteKinds(search);
      case DELETE_STEP_RUNS -> StepPasses.deleteRuns(search, 8, 4);
      case DELETE_PAIRS -> StepPasses.deletePairs(search);
      case DELETE_STEPS -> StepPasses.deleteRuns(search, 1);
      case SIMPLIFY_ARGUMENTS -> ValuePasses.simplifyArguments(search);
      case HALVE -> ValuePasses.halve(search);
      case DELETE_SPANS -> ValuePasses.deleteSpans(search);
      case LOWER_WITH_DEPENDENTS -> ValuePasses.lowerWithDependents(search, costly);
      case DUPLICATES -> ValuePasses.duplicates(search);
      case GATHER -> MergePasses.gather(search);
      case MERGE_LISTS -> MergePasses.mergeLists(search);
      case REDISTRIBUTE -> ValuePasses.redistribute(search);
      case SORT -> !search.best.isParallel() && StepPasses.sort(search);
      case PARALLEL -> ParallelPasses.run(search);
      case LOWER -> ValuePasses.lower(search);
    };
  }

  /** Shortlex: fewer choices, or as many and the first difference smaller. */
  static boolean simpler(int[] candidate, int[] current) {
    return Search.simpler(candidate, current);
  }
}
